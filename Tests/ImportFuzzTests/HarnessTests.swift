import Foundation
import PantauTestSupport
import Testing
import ZIPFoundation

/// The harness itself: a crash, a hang, a memory blow-up and a bad checksum are each seen for what they are.
@Suite struct HarnessTests {
    private let scratch = URL(fileURLWithPath: Fixtures.temporaryPath()).deletingLastPathComponent()

    @Test func childProcessTellsExitSignalTimeoutAndMemory() throws {
        let exited = try ChildProcess.run("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"], scratch: scratch)
        #expect(exited.exitStatus == 3)
        #expect(exited.signal == nil)
        #expect(exited.stdoutText == "out\n")
        #expect(exited.stderrText == "err\n")

        let crashed = try ChildProcess.run("/bin/sh", ["-c", "kill -SEGV $$"], scratch: scratch)
        #expect(crashed.signal == SIGSEGV)
        #expect(crashed.exitStatus == nil)

        let hung = try ChildProcess.run("/bin/sleep", ["30"], scratch: scratch, timeLimit: 0.5)
        #expect(hung.timedOut)
        #expect(hung.signal == SIGKILL)
        #expect(hung.seconds < 10)

        // dd holds one block of 300 MiB in memory.
        let greedy = try ChildProcess.run("/bin/dd", ["if=/dev/zero", "of=/dev/null", "bs=300M", "count=20"], scratch: scratch, killAbove: 200 << 20)
        #expect(greedy.memoryKilled)
        #expect(greedy.peakRSS >= 200 << 20)

        let modest = try ChildProcess.run("/bin/dd", ["if=/dev/zero", "of=/dev/null", "bs=100M", "count=20"], scratch: scratch)
        #expect(modest.exitStatus == 0)
        #expect(modest.peakRSS >= 90 << 20)
        #expect(modest.peakRSS < 200 << 20)
    }

    /// ZIPFoundation's `extract(_:consumer:)` returns the CRC it computed; the reader must compare it with `entry.checksum`.
    @Test func wrongCRCKeepsTheDataButFailsTheCheck() throws {
        let url = scratch.appendingPathComponent("crc.zip")
        try Workbook.write([WorkbookPart("a.xml", "<a>the same bytes</a>")], to: url)
        func read() throws -> (text: String, computed: CRC32, stored: CRC32) {
            let archive = try Archive(url: url, accessMode: .read)
            var text = Data()
            let computed = try archive.extract(archive["a.xml"]!) { text.append($0) }
            return (String(decoding: text, as: UTF8.self), computed, archive["a.xml"]!.checksum)
        }
        let intact = try read()
        #expect(intact.computed == intact.stored)
        try Workbook.withWrongCRC(try Data(contentsOf: url), entry: "a.xml").write(to: url)
        let damaged = try read()
        #expect(damaged.text == "<a>the same bytes</a>")
        #expect(damaged.computed == intact.computed)
        #expect(damaged.computed != damaged.stored)
    }

    @Test func bombPartsAreProducedPieceByPiece() {
        let part = WorkbookPart("x", pieces: [.bytes(Data("<a>".utf8)), .run(UInt8(ascii: " "), count: 5), .bytes(Data("</a>".utf8))])
        #expect(part.size == 12)
        #expect(String(decoding: part.chunk(at: 0, count: 12), as: UTF8.self) == "<a>     </a>")
        #expect(String(decoding: part.chunk(at: 2, count: 4), as: UTF8.self) == ">   ")
        #expect(String(decoding: part.chunk(at: 9, count: 10), as: UTF8.self) == "/a>")
    }

    @Test func summaryCountsAddUpOverFiles() {
        let counts = ImportCounts(summary: """
            a.csv: 5.114 rows: 1 inserted, 2 updated, 5.111 unchanged, 0 warnings
            b.xlsx:Sheet1: 10 rows: 10 inserted, 0 updated, 0 unchanged, 1 warnings
            Done in 0,7 s.
            """)
        #expect(counts == ImportCounts(rows: 5_124, inserted: 11, updated: 2, unchanged: 5_111))
        #expect(ImportCounts(summary: "Done in 0,1 s.") == nil)
    }
}
