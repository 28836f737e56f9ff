import Foundation

/// What a write waits for while another process holds the database's write lock.
public enum WriteHolder: Sendable, Equatable {
    /// Known from the note an import leaves beside the database (see WriteLockNote).
    case importBy(who: String, started: Date)
    case anotherChange

    /// One sentence saying what the write waits for, and that it goes on by itself.
    public func waitingMessage(_ lang: Language) -> String {
        let en = lang == .en
        switch self {
        case .importBy(let who, let started):
            let formatter = DateFormatter()
            formatter.dateFormat = "HH:mm"
            let time = formatter.string(from: started)
            return en ? "Waiting for an import by \(who), started \(time), to finish writing; your change follows by itself."
                      : "Menunggu impor oleh \(who), dimulai \(time), selesai menulis; perubahan Anda menyusul dengan sendirinya."
        case .anotherChange:
            return en ? "Waiting for another officer's change to finish writing; your change follows by itself."
                      : "Menunggu perubahan petugas lain selesai ditulis; perubahan Anda menyusul dengan sendirinya."
        }
    }
}
