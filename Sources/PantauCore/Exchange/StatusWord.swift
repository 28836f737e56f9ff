/// A koperasi's yearly status as offices write it in a column such as `Status Aktif 2023`.
/// Compared without case, spaces or punctuation: "Tdk. Aktif", "Non-Aktif" and "NON AKTIF" are the same word.
enum StatusWord: Equatable {
    case active, inactive
    /// Inactive; the dissolution itself is recorded through the evaluation outcome, not the yearly status.
    case dissolved

    init?(_ text: String) {
        switch ImportSchema.key(text) {
        case "ya", "y", "aktif", "1", "true", "yes", "active": self = .active
        case "tidak", "t", "tidakaktif", "tdkaktif", "pasif", "nonaktif", "0", "false", "no", "inactive", "notactive": self = .inactive
        case "bubar", "dibubarkan", "sudahbubar": self = .dissolved
        default: return nil
        }
    }

    var isActive: Bool { self == .active }

    /// The words a message lists, as offices write them.
    static let accepted = "Aktif, Tidak Aktif, Tdk Aktif, Pasif, Non Aktif, Bubar, Dibubarkan"
}
