/// One line of a kecamatan's koperasi list.
public struct KoperasiRow: Sendable, Equatable {
    public var nik: String
    public var nama: String
    public var jenis: String
    /// Active in the year asked for; nil when that year has no status for this koperasi.
    public var active: Bool?
    public var lastRAT: Int?
    public var anggota: Int?
    public var kesehatan: String?
    public var evaluation: String?

    public init(nik: String, nama: String, jenis: String, active: Bool?, lastRAT: Int?, anggota: Int?, kesehatan: String?, evaluation: String?) {
        self.nik = nik; self.nama = nama; self.jenis = jenis; self.active = active; self.lastRAT = lastRAT
        self.anggota = anggota; self.kesehatan = kesehatan; self.evaluation = evaluation
    }
}
