import Foundation
import Testing
@testable import PantauCore
@testable import PantauSQLite
import PantauTestSupport

/// The note an import leaves beside the database while it holds the write lock.
@Suite struct WriteLockNoteTests {
    @Test func theNoteHasTheDatabasesModeAndGoesWithItsWriter() throws {
        let db = try Fixtures.freshSampleDatabase()
        chmod(db, 0o640)
        let note = WriteLockNote(who: "siti", started: Date(timeIntervalSince1970: 1_700_000_000))
        note.write(beside: db)
        let attributes = try FileManager.default.attributesOfItem(atPath: db + "-writer")
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        #expect(WriteLockNote.current(beside: db) == note)
        #expect(WriteWait.holder(of: db) == .importBy(who: "siti", started: note.started))

        // A later writer's note is not removed by an earlier one.
        let later = WriteLockNote(who: "budi", started: Date(timeIntervalSince1970: 1_700_000_600))
        later.write(beside: db)
        note.remove(beside: db)
        #expect(WriteLockNote.current(beside: db) == later)
        later.remove(beside: db)
        #expect(!FileManager.default.fileExists(atPath: db + "-writer"))
        #expect(WriteWait.holder(of: db) == .anotherChange)
    }

    @Test func aNoteOfAProcessThatIsGoneIsIgnored() throws {
        let db = try Fixtures.freshSampleDatabase()
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        WriteLockNote(who: "siti", started: Date(), pid: gone.processIdentifier).write(beside: db)
        #expect(FileManager.default.fileExists(atPath: db + "-writer"))
        #expect(WriteLockNote.current(beside: db) == nil)
        #expect(WriteWait.holder(of: db) == .anotherChange)
    }

    @Test func theWaitIsSaidInBothLanguages() throws {
        var components = DateComponents(calendar: Calendar.current, year: 2026, month: 3, day: 2, hour: 10, minute: 2)
        components.timeZone = TimeZone.current
        let started = try #require(components.date)
        let holder = WriteHolder.importBy(who: "siti", started: started)
        #expect(holder.waitingMessage(.en) == "Waiting for an import by siti, started 10:02, to finish writing; your change follows by itself.")
        #expect(holder.waitingMessage(.id) == "Menunggu impor oleh siti, dimulai 10:02, selesai menulis; perubahan Anda menyusul dengan sendirinya.")
        #expect(WriteHolder.anotherChange.waitingMessage(.en) == "Waiting for another officer's change to finish writing; your change follows by itself.")
        #expect(WriteHolder.anotherChange.waitingMessage(.id) == "Menunggu perubahan petugas lain selesai ditulis; perubahan Anda menyusul dengan sendirinya.")
    }
}
