/// The figures the sample data must reproduce. Sourced figures name their report in `shared/seeds`
/// (see sample-data/SOURCES.md); every other figure is synthetic and marked so.
struct KabupatenPlan {
    var code: String
    /// Koperasi registered (all of them exist in every year with data).
    var koperasi: Int
    /// Active koperasi per year.
    var active: [Int: Int]
    /// UMKM under guidance by the last year.
    var umkm: Int
    var umkmFirstYear: Int
    /// Exact per-kecamatan figures where a report gives them; other kabupaten are spread by the generator.
    var kecamatan: [KecamatanPlan] = []
    /// Koperasi whose kecamatan is not recorded (kabupaten-level records).
    var unplaced: Int = 0
    /// Koperasi holding the "Sehat" grade, when a report gives it.
    var healthy: Int? = nil
    /// Inactive koperasi already evaluated, by outcome.
    var evaluated: [(String, Int)] = []
    /// Share of koperasi partnered with a company, in percent.
    var partneredPercent: Int = 25

    var years: [Int] { active.keys.sorted() }
}

struct KecamatanPlan {
    var code: String
    var koperasi: Int
    var active: [Int: Int]
    var umkm: Int? = nil
    var partneredPercent: Int? = nil
}

enum SamplePlan {
    /// Kutai Timur: totals from seed 001 (1.209 koperasi, 655 active in 2022, 325 in 2023; Muara Bengkal 49 / 19),
    /// about 600 healthy and 9.000+ UMKM from seed 000. The split over the other kecamatan is synthetic.
    static let kutaiTimur = KabupatenPlan(
        code: "64.08", koperasi: 1209, active: [2022: 655, 2023: 325], umkm: 9214, umkmFirstYear: 2016,
        kecamatan: [
            .init(code: "64.08.01", koperasi: 62, active: [2022: 33, 2023: 14]),
            .init(code: "64.08.02", koperasi: 88, active: [2022: 48, 2023: 22]),
            .init(code: "64.08.03", koperasi: 49, active: [2022: 30, 2023: 19], umkm: 512, partneredPercent: 55),
            .init(code: "64.08.04", koperasi: 244, active: [2022: 140, 2023: 78]),
            .init(code: "64.08.05", koperasi: 70, active: [2022: 36, 2023: 17]),
            .init(code: "64.08.06", koperasi: 31, active: [2022: 15, 2023: 6]),
            .init(code: "64.08.07", koperasi: 40, active: [2022: 20, 2023: 9]),
            .init(code: "64.08.08", koperasi: 52, active: [2022: 28, 2023: 13]),
            .init(code: "64.08.09", koperasi: 96, active: [2022: 53, 2023: 27]),
            .init(code: "64.08.10", koperasi: 45, active: [2022: 24, 2023: 11]),
            .init(code: "64.08.11", koperasi: 28, active: [2022: 13, 2023: 5]),
            .init(code: "64.08.12", koperasi: 139, active: [2022: 75, 2023: 39]),
            .init(code: "64.08.13", koperasi: 54, active: [2022: 29, 2023: 14]),
            .init(code: "64.08.14", koperasi: 58, active: [2022: 31, 2023: 15]),
            .init(code: "64.08.15", koperasi: 40, active: [2022: 22, 2023: 10]),
            .init(code: "64.08.16", koperasi: 33, active: [2022: 16, 2023: 7]),
            .init(code: "64.08.17", koperasi: 36, active: [2022: 19, 2023: 9]),
            .init(code: "64.08.18", koperasi: 44, active: [2022: 23, 2023: 10]),
        ],
        healthy: 600,
        evaluated: [("dibina", 80), ("usul-bekukan", 28), ("usul-bubarkan", 18)],
        partneredPercent: 30)

    /// Kalimantan Timur: about 5.000 koperasi, about 3.000 active (seed 002). The split over kabupaten is synthetic.
    static let kalimantanTimur: [KabupatenPlan] = [
        .init(code: "64.01", koperasi: 420, active: [2022: 318, 2023: 300], umkm: 3100, umkmFirstYear: 2016, unplaced: 6),
        .init(code: "64.02", koperasi: 760, active: [2022: 548, 2023: 520], umkm: 6400, umkmFirstYear: 2016, unplaced: 12),
        .init(code: "64.03", koperasi: 380, active: [2022: 281, 2023: 270], umkm: 3300, umkmFirstYear: 2016, unplaced: 5),
        .init(code: "64.07", koperasi: 310, active: [2022: 222, 2023: 205], umkm: 2200, umkmFirstYear: 2016, unplaced: 4),
        kutaiTimur,
        .init(code: "64.09", koperasi: 250, active: [2022: 181, 2023: 175], umkm: 2100, umkmFirstYear: 2016, unplaced: 3),
        .init(code: "64.11", koperasi: 86, active: [2022: 57, 2023: 52], umkm: 400, umkmFirstYear: 2016, unplaced: 2),
        .init(code: "64.71", koperasi: 540, active: [2022: 402, 2023: 410], umkm: 7800, umkmFirstYear: 2016, unplaced: 8, partneredPercent: 10),
        .init(code: "64.72", koperasi: 820, active: [2022: 596, 2023: 610], umkm: 9600, umkmFirstYear: 2016, unplaced: 10, partneredPercent: 10),
        .init(code: "64.74", koperasi: 230, active: [2022: 171, 2023: 168], umkm: 2500, umkmFirstYear: 2016, unplaced: 3, partneredPercent: 15),
    ]

    /// Kalimantan Utara, February 2019 (seed 004): 109 koperasi, 68 active; almost 12.000 UMKM.
    /// The split over kabupaten/kota and the 2018 figures are synthetic.
    static let kalimantanUtara: [KabupatenPlan] = [
        .init(code: "65.01", koperasi: 28, active: [2018: 18, 2019: 17], umkm: 2710, umkmFirstYear: 2014, unplaced: 1),
        .init(code: "65.02", koperasi: 16, active: [2018: 11, 2019: 10], umkm: 1420, umkmFirstYear: 2014),
        .init(code: "65.03", koperasi: 24, active: [2018: 15, 2019: 15], umkm: 2530, umkmFirstYear: 2014),
        .init(code: "65.04", koperasi: 9, active: [2018: 6, 2019: 5], umkm: 640, umkmFirstYear: 2014),
        .init(code: "65.71", koperasi: 32, active: [2018: 21, 2019: 21], umkm: 4560, umkmFirstYear: 2014, partneredPercent: 10),
    ]

    static var all: [KabupatenPlan] { kalimantanTimur + kalimantanUtara }
}
