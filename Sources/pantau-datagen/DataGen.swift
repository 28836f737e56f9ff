import ArgumentParser
import Foundation
import PantauCore

@main
struct DataGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pantau-datagen",
        abstract: "Regenerates Pantau's sample data, or national-scale data for benchmarks, from a fixed seed.",
        discussion: "The same seed always gives byte-identical files.",
        subcommands: [Sample.self, National.self])

    struct Common: ParsableArguments {
        @Option(help: "The sample-data folder holding wilayah.csv and desa_kaltim_kaltara.csv.")
        var sampleData = "sample-data"
        @Option(help: "The seed of the random generator.")
        var seed: UInt64 = 20230623
    }

    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Writes koperasi.csv and umkm.csv of the sample offices (Kalimantan Timur and Kalimantan Utara).")
        @OptionGroup var common: Common
        @Option(help: "Where to write the files (default: the sample-data folder).")
        var out: String?

        func run() throws {
            var generator = try makeGenerator(common)
            let out = out ?? common.sampleData
            let plans = SamplePlan.all
            let years = Set(plans.flatMap(\.years)).sorted()
            let koperasi = try CSVWriter(path: out + "/koperasi.csv")
            koperasi.write(CanonicalCSV.koperasiHeader(years: years))
            for plan in plans {
                for record in generator.koperasi(for: plan) { koperasi.write(CanonicalCSV.row(record, years: years)) }
            }
            koperasi.flush()
            let umkm = try CSVWriter(path: out + "/umkm.csv")
            umkm.write(CanonicalCSV.umkmColumns)
            for plan in plans { generator.umkm(for: plan) { umkm.write(CanonicalCSV.row($0)) } }
            umkm.flush()
        }
    }

    struct National: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Writes koperasi.csv and umkm.csv for every kabupaten/kota of Indonesia, for benchmarks.")
        @OptionGroup var common: Common
        @Option(help: "Where to write the files.")
        var out: String
        @Option(help: "Koperasi in the whole country.")
        var koperasi = 130_000
        @Option(help: "UMKM in the whole country.")
        var umkm = 5_000_000

        func run() throws {
            var generator = try makeGenerator(common)
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let kabupaten = generator.kecamatanOf.keys.sorted()
            let kecamatanCount = generator.kecamatanOf.values.reduce(0) { $0 + $1.count }
            let years = [2022, 2023]
            let plans = kabupaten.map { code -> KabupatenPlan in
                let share = Double(generator.kecamatanOf[code]!.count) / Double(kecamatanCount)
                let total = max(1, Int(Double(koperasi) * share))
                return KabupatenPlan(code: code, koperasi: total, active: [2022: total * 58 / 100, 2023: total * 52 / 100],
                                     umkm: max(1, Int(Double(umkm) * share)), umkmFirstYear: 2016, unplaced: total / 50)
            }
            let kop = try CSVWriter(path: out + "/koperasi.csv")
            kop.write(CanonicalCSV.koperasiHeader(years: years))
            for plan in plans { for record in generator.koperasi(for: plan) { kop.write(CanonicalCSV.row(record, years: years)) } }
            kop.flush()
            let um = try CSVWriter(path: out + "/umkm.csv")
            um.write(CanonicalCSV.umkmColumns)
            for plan in plans { generator.umkm(for: plan) { um.write(CanonicalCSV.row($0)) } }
            um.flush()
        }
    }
}

private func makeGenerator(_ common: DataGen.Common) throws -> Generator {
    func rows(_ file: String) throws -> [[String]] {
        let text = try String(contentsOfFile: common.sampleData + "/" + file, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }
    let regions = try rows("wilayah.csv").map { (code: $0[0], name: $0[1], level: $0[2]) }
    let villages = try rows("desa_kaltim_kaltara.csv").map { (code: $0[0], name: $0[1]) }
    return Generator(seed: common.seed, regions: regions, villages: villages)
}
