import Foundation
import PantauTestSupport
import Testing

/// Hostile import files against the real binary: no crash, at most 60 s and 256 MiB each, and either a whole import or a
/// refusal that writes nothing.
///
///     swift test --filter ImportFuzzTests                                   # the bounded run: 300 cases
///     PANTAU_FUZZ_CASES=5000 swift test --filter ImportFuzzTests            # a longer run
///     PANTAU_FUZZ_SEED=7 PANTAU_FUZZ_CASES=2000 swift test --filter ImportFuzzTests   # other random cases
///     PANTAU_FUZZ_CASE=xlsx.cellref#3 swift test --filter ImportFuzzTests   # one case again
///     PANTAU_FUZZ_CASE=xlsx. swift test --filter ImportFuzzTests            # the cases of families starting so
@Suite struct ImportFuzzTests {
    @Test func hostileImportFilesNeitherCrashNorWriteHalf() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = max(Int(environment["PANTAU_FUZZ_CASES"] ?? "") ?? 300, 1)
        let root = UInt64(environment["PANTAU_FUZZ_SEED"] ?? "") ?? 0x9A17_A0F0_2217
        let folder = URL(fileURLWithPath: Fixtures.temporaryPath("fuzz")).deletingLastPathComponent()
        let started = Date()

        let base = try SampleBase.make(in: folder, binary: Fixtures.binary)
        var cases = FuzzCatalogue.cases(count: count, base: base, root: root)
        if let only = environment["PANTAU_FUZZ_CASE"] {
            // One case (`xlsx.cellref#3`), or every case whose name starts so (`xlsx.`, `csv.mixedutf8`).
            cases = cases.filter { only.contains("#") ? $0.name == only : $0.name.hasPrefix(only) }
            #expect(!cases.isEmpty, "no case is named \(only)")
        } else {
            #expect(cases.count >= count)
        }
        let runner = CaseRunner(base: base, binary: Fixtures.binary, folder: folder.appendingPathComponent("cases"))
        let results = FuzzCatalogue.run(cases, with: runner, workers: 2)

        let failures = results.filter(\.failed)
        print(FuzzCatalogue.table(results, seconds: Date().timeIntervalSince(started), root: root))
        for failure in failures {
            print(failure.report(binary: Fixtures.binary) + "\n")
            Issue.record("\(failure.fuzzCase.name): \(failure.problems.joined(separator: "; "))")
        }
        if failures.isEmpty {
            try? FileManager.default.removeItem(at: folder)
        } else {
            print("The failing cases are kept in \(folder.appendingPathComponent("cases").path)")
        }
    }
}
