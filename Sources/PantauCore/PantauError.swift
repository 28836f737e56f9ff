/// Errors a user can cause and fix. Each renders as one sentence saying what is wrong and what to do.
public enum PantauError: Error, Equatable, Sendable {
    case databaseExists(path: String)
    case databaseMissing(path: String)
    case databaseUnreadable(path: String, reason: String)
    /// An export's output file cannot be written (its folder is missing, or not ours to write).
    case outputUnwritable(path: String)
    case notAPantauDatabase(path: String)
    case readOnly(path: String)
    case noWriteAccess(path: String)
    case regionNotFound(query: String, suggestions: [String])
    case regionAmbiguous(query: String, candidates: [String])
    case noData(scope: String)
    case yearWithoutData(year: Int, scope: String, available: [Int])
    case sampleDataMissing(searched: [String])
    case badFile(path: String, line: Int, message: String)
    case unknownKoperasi(nik: String)
    case yearInFuture(year: Int, latest: Int)
    case yearOutOfRange(year: Int)
    case badDate(text: String)
    case dateInFuture(date: String)
    case negativeCount(field: String, value: Int)
    case unknownGroup(name: String)
    case notPositive(field: String, text: String)
    case presentationNeedsDistrict(scope: String)

    // Databases: damaged, newer, interrupted, checked.
    case databaseDamaged(path: String)
    case databaseIncomplete(path: String, missing: [String])
    case databaseFromNewerPantau(path: String)
    case databaseIsFolder(path: String)
    case databaseDiskProblem(path: String)
    /// The folder an import stages its rows in filled up (see README, "Importing").
    case stagingFolderFull(folder: String)
    case checkFoundProblems(path: String, count: Int)
    case keptCountsDiffer(store: String)

    // Arguments and values given on the command line.
    case controlCharacters(field: String)

    // Store addresses (--db and PANTAU_DB): which store, and the PostgreSQL URL and password file.
    case storeAddressUnknownScheme(scheme: String)
    case storeAddressWithoutSlashes(scheme: String)
    case storeAddressSQLiteWithoutPath
    case storeAddressBadPercentEncoding(part: StoreAddressPart)
    case storeAddressBadPort(variable: String?)
    case storeAddressBadIPv6
    case storeAddressSeveralHosts
    case storeAddressUnencodedCredentials
    case storeAddressUnknownParameter(name: String?)
    case storeAddressMalformedParameter(name: String?)
    case storeAddressBadConnectTimeout
    case storeAddressSSLModeNotSupported(mode: String)
    case storeAddressUnknownSSLMode(mode: String?, variable: String?)
    case storeAddressNoUser
    /// A server store opened without a way to check import files (a test's or a library user's).
    case importWithoutChecker(store: String)
    /// The server refused a change: the login may not change records of this region.
    case serverRefusedChange(login: String, region: String)
    /// Targets and thresholds on a server are changed by the database's owner only.
    case targetsAreTheOwners(store: String)
    case recountIsTheOwners(store: String)
    /// `pantau copy` with FROM and TO the same database.
    case copyOntoItself(store: String)
    /// The server refused a statement for a reason of its own (SQLSTATE and its words).
    case serverRefused(store: String, reason: String)
    case serverConnectionLost(store: String)
    case notAPantauServerDatabase(store: String)
    case serverDatabaseHoldsPantau(store: String)
    case serverDatabaseFromNewerPantau(store: String)
    /// Only the database's owner upgrades a server database; `owner` names that login, `isOwner` says it was they
    /// who asked (with --read-only).
    case serverDatabaseFromOlderPantau(store: String, owner: String, isOwner: Bool)
    case onlyOnSQLite(what: String, store: String)
    case rightsOnlyOnServer(path: String)
    case unknownLogin(login: String)
    /// The login may connect but was granted nothing in this database.
    case loginWithoutRights(login: String, store: String)
    case notALogin(login: String)
    case passwordFileTooLarge(path: String)
    case passwordFileLineTooLong(path: String, line: Int)

    // Connecting to a PostgreSQL server. `server` is `host:port` or the socket file; no case carries a password.
    case postgresRefused(server: String)
    case postgresSocketMissing(socket: String)
    case postgresHostUnknown(host: String)
    case postgresTimeout(server: String, seconds: Int)
    case postgresPasswordWrong(server: String, user: String)
    case postgresPasswordNeeded(server: String, user: String)
    case postgresUnknownDatabase(server: String, database: String)
    case postgresUnknownRole(server: String, user: String)
    case postgresRoleCannotLogIn(server: String, user: String)
    case postgresEncryptionRequired(server: String, user: String, database: String)
    case postgresNoAccessRule(server: String, user: String, database: String)
    case postgresServerWithoutTLS(server: String)
    case postgresConnectDenied(server: String, user: String, database: String)
    case postgresTooManyConnections(server: String)
    case postgresNotReady(server: String)
    case postgresUnsupportedAuthentication(server: String, user: String)
    case postgresServerTooOld(server: String, version: String, needed: String)
    case postgresConnectionFailed(server: String, reason: String)

    // Backups.
    case backupExists(path: String)
    case backupIsFolder(path: String)
    case backupFolderMissing(path: String)
    case backupFailed(path: String, reason: String)
    case upgradeWithoutBackup(path: String, backup: String, reason: String)
    case databaseFromOlderPantau(path: String, readOnlyAsked: Bool)

    /// The sentence for a person. Values quoted in it come from files and arguments: their control characters
    /// are made visible, so that nothing in a message can steer the terminal it is printed on.
    public func message(_ lang: Language = .id) -> String { TerminalSafe.text(sentence(lang)) }

    private func sentence(_ lang: Language) -> String {
        let en = lang == .en
        if let sentence = serverSentence(lang) { return sentence }
        switch self {
        case .databaseExists(let path):
            return en ? "\(path) already exists; choose a new file name or remove the old one first (init never overwrites)."
                      : "\(path) sudah ada; pilih nama berkas baru atau hapus berkas lama lebih dulu (init tidak pernah menimpa)."
        case .databaseMissing(let path):
            return en ? "There is no database at \(path); create one with `pantau init --db \(path)`."
                      : "Tidak ada basis data di \(path); buat dengan `pantau init --db \(path)`."
        case .databaseUnreadable(let path, let reason):
            return en ? "Cannot open the database \(path) (\(reason)); check the path and its permissions."
                      : "Basis data \(path) tidak dapat dibuka (\(reason)); periksa jalur dan izin berkasnya."
        case .outputUnwritable(let path):
            return en ? "Cannot write \(path); give a file in a folder that exists and that you may write to."
                      : "Berkas \(path) tidak dapat ditulis; berikan berkas di folder yang ada dan boleh Anda tulisi."
        case .notAPantauDatabase(let path):
            return en ? "\(path) is not a Pantau database; give the file made by `pantau init`."
                      : "\(path) bukan basis data Pantau; berikan berkas yang dibuat oleh `pantau init`."
        case .readOnly(let path):
            return en ? "The database \(path) is open read-only, so nothing was changed; ask for write access or drop --read-only."
                      : "Basis data \(path) terbuka hanya-baca, jadi tidak ada yang diubah; minta izin tulis atau hilangkan --read-only."
        case .noWriteAccess(let path):
            return en ? "You may only read the database \(path), so nothing was changed; ask the office's administrator to add you to its editors group."
                      : "Anda hanya boleh membaca basis data \(path), jadi tidak ada yang diubah; minta administrator kantor memasukkan Anda ke grup penyunting."
        case .regionNotFound(let query, let suggestions):
            let hint = suggestions.isEmpty ? "" : (en ? " Did you mean: " : " Mungkin maksud Anda: ") + suggestions.joined(separator: "; ") + "?"
            return (en ? "No region is called \"\(query)\"; give a Kemendagri code such as 64.08 or a name." 
                       : "Tidak ada wilayah bernama \"\(query)\"; berikan kode Kemendagri seperti 64.08 atau nama wilayah.") + hint
        case .regionAmbiguous(let query, let candidates):
            return (en ? "\"\(query)\" matches several regions; give the code of the one you mean: "
                       : "\"\(query)\" cocok dengan beberapa wilayah; berikan kode wilayah yang dimaksud: ")
                + candidates.joined(separator: "; ") + "."
        case .noData(let scope):
            return en ? "There are no koperasi or UMKM records for \(scope) yet; import them with `pantau import`."
                      : "Belum ada data koperasi atau UMKM untuk \(scope); masukkan dengan `pantau import`."
        case .yearWithoutData(let year, let scope, let available):
            let list = available.map(String.init).joined(separator: ", ")
            return en ? "There is no data for \(year) in \(scope); choose one of: \(list)."
                      : "Tidak ada data tahun \(year) untuk \(scope); pilih salah satu: \(list)."
        case .sampleDataMissing(let searched):
            return en ? "The sample data folder was not found (looked in \(searched.joined(separator: ", "))); set PANTAU_SAMPLE_DATA to the sample-data folder of Pantau."
                      : "Folder data contoh tidak ditemukan (dicari di \(searched.joined(separator: ", "))); isi PANTAU_SAMPLE_DATA dengan folder sample-data Pantau."
        case .badFile(let path, let line, let message):
            return "\(path):\(line): \(message)"
        case .unknownKoperasi(let nik):
            return en ? "No koperasi has NIK \(nik); check the number (the koperasi list of its kecamatan shows it)."
                      : "Tidak ada koperasi dengan NIK \(nik); periksa nomornya (daftar koperasi kecamatannya menampilkannya)."
        case .yearInFuture(let year, let latest):
            return en ? "The year \(year) has not begun; give a year up to \(latest)."
                      : "Tahun \(year) belum dimulai; berikan tahun paling lambat \(latest)."
        case .yearOutOfRange(let year):
            return en ? "The year \(year) is not plausible; give a year from 1900 on."
                      : "Tahun \(year) tidak masuk akal; berikan tahun mulai 1900."
        case .badDate(let text):
            return en ? "\"\(text)\" is not a date; write it as YYYY-MM-DD, e.g. 2024-03-15."
                      : "\"\(text)\" bukan tanggal; tulis sebagai TTTT-BB-HH, misalnya 2024-03-15."
        case .dateInFuture(let date):
            return en ? "The date \(date) is in the future; a RAT is recorded after it is held."
                      : "Tanggal \(date) belum terjadi; RAT dicatat setelah diadakan."
        case .presentationNeedsDistrict(let scope):
            return en ? "\(scope) is not a kabupaten/kota; the presentation is about one office's district, so give one (e.g. --scope Kutim)."
                      : "\(scope) bukan kabupaten/kota; presentasi membahas wilayah satu dinas, jadi berikan satu (misalnya --scope Kutim)."
        case .notPositive(let field, let text):
            return en ? "\(field) cannot be \"\(text)\"; give a whole number of at least 1."
                      : "\(field) tidak boleh \"\(text)\"; berikan bilangan bulat paling sedikit 1."
        case .unknownGroup(let name):
            return en ? "There is no group \"\(name)\" on this machine; create it first (groupadd \(name)) or leave out --group."
                      : "Grup \"\(name)\" tidak ada di mesin ini; buat lebih dulu (groupadd \(name)) atau hilangkan --group."
        case .negativeCount(let field, let value):
            return en ? "\(field) cannot be \(value); give zero or more."
                      : "\(field) tidak boleh \(value); berikan nol atau lebih."

        // Databases: damaged, newer, interrupted, checked.
        case .databaseDamaged(let path):
            return en ? "The database \(path) is damaged (SQLite found a corrupted page), so nothing was changed; restore it from the backup (`pantau check --db \(path)` lists the damage)."
                      : "Basis data \(path) rusak (SQLite menemukan halaman yang rusak), jadi tidak ada yang diubah; pulihkan dari cadangan (`pantau check --db \(path)` merinci kerusakannya)."
        case .databaseIncomplete(let path, let missing):
            let list = missing.isEmpty ? "" : " (\(missing.joined(separator: ", ")))"
            return en ? "The database \(path) lacks part of Pantau's tables\(list), so nothing was changed; restore it from the backup."
                      : "Basis data \(path) kehilangan sebagian tabel Pantau\(list), jadi tidak ada yang diubah; pulihkan dari cadangan."
        case .databaseFromNewerPantau(let path):
            return en ? "The database \(path) was made by a newer Pantau; upgrade Pantau to change it (--read-only only reads it)."
                      : "Basis data \(path) dibuat oleh Pantau yang lebih baru; perbarui Pantau untuk mengubahnya (--read-only hanya membacanya)."
        case .databaseIsFolder(let path):
            return en ? "\(path) is a folder, not a database file; give the path of the file made by `pantau init`."
                      : "\(path) adalah folder, bukan berkas basis data; berikan jalur berkas yang dibuat oleh `pantau init`."
        case .databaseDiskProblem(let path):
            return en ? "The disk failed while reading or writing the database \(path) (it may be full), so nothing was changed; free some space or check the disk, then try again."
                      : "Disk gagal saat membaca atau menulis basis data \(path) (mungkin penuh), jadi tidak ada yang diubah; kosongkan ruang atau periksa disk, lalu coba lagi."
        case .stagingFolderFull(let folder):
            return en ? "The temporary folder \(folder) is full: an import checks its rows there first (about 120 MB per million UMKM rows), so nothing was changed; free some space there or set TMPDIR to a folder with more room, then try again."
                      : "Folder sementara \(folder) penuh: impor memeriksa barisnya di sana lebih dulu (sekitar 120 MB per sejuta baris UMKM), jadi tidak ada yang diubah; kosongkan ruang di sana atau arahkan TMPDIR ke folder yang lebih lega, lalu coba lagi."
        case .checkFoundProblems(let path, let count):
            return en ? "pantau check found \(count) problem\(count == 1 ? "" : "s") in \(path) (listed above); restore the database from the backup."
                      : "pantau check menemukan \(count) masalah di \(path) (dirinci di atas); pulihkan basis data dari cadangan."

        case .keptCountsDiffer(let store):
            return en ? "pantau check found kept counts in \(store) that differ from the records (listed above); `pantau check --recount --db \(store)` writes them again from the records."
                      : "pantau check menemukan hitungan tersimpan di \(store) yang berbeda dari catatan (dirinci di atas); `pantau check --recount --db \(store)` menulisnya ulang dari catatan."

        // Arguments and values given on the command line.
        case .controlCharacters(let field):
            return en ? "\(field) cannot hold control characters (such as Esc, Tab or a line break); type it as plain text."
                      : "\(field) tidak boleh memuat karakter kendali (seperti Esc, Tab atau ganti baris); ketik sebagai teks biasa."

        // Backups.
        case .backupExists(let path):
            return en ? "\(path) already exists; give the backup a new name (e.g. with the date) or remove the old file first."
                      : "\(path) sudah ada; beri cadangan nama baru (misalnya dengan tanggal) atau hapus berkas lama lebih dulu."
        case .backupIsFolder(let path):
            return en ? "\(path) is a folder; give the name of the backup file inside it, e.g. \(path)/pantau-2024-03-15.db."
                      : "\(path) adalah folder; berikan nama berkas cadangan di dalamnya, misalnya \(path)/pantau-2024-03-15.db."
        case .backupFolderMissing(let path):
            return en ? "The folder of \(path) does not exist; create it first or choose another place for the backup."
                      : "Folder untuk \(path) tidak ada; buat lebih dulu atau pilih tempat lain untuk cadangan."
        case .backupFailed(let path, let reason):
            return en ? "The backup \(path) could not be written (\(reason)); nothing was left behind: check the free space and the folder's permissions."
                      : "Cadangan \(path) tidak dapat ditulis (\(reason)); tidak ada sisa berkas: periksa ruang kosong dan izin foldernya."
        case .upgradeWithoutBackup(let path, let backup, let reason):
            return en ? "\(path) was made by an older Pantau and is upgraded only after a backup, but \(backup) could not be written (\(reason)); nothing was changed: free some space beside the database and run the command again."
                      : "\(path) dibuat oleh Pantau versi lama dan hanya ditingkatkan setelah dicadangkan, tetapi \(backup) tidak dapat ditulis (\(reason)); tidak ada yang diubah: kosongkan ruang di samping basis data lalu jalankan perintahnya lagi."
        case .databaseFromOlderPantau(let path, let readOnlyAsked):
            if readOnlyAsked {
                return en ? "\(path) was made by an older Pantau and must be upgraded before this one can read it; run the command once without --read-only (Pantau backs the file up first)."
                          : "\(path) dibuat oleh Pantau versi lama dan harus ditingkatkan sebelum dapat dibaca versi ini; jalankan perintahnya sekali tanpa --read-only (Pantau mencadangkan berkasnya lebih dulu)."
            }
            return en ? "\(path) was made by an older Pantau and must be upgraded before this one can read it, which you may not do; ask an officer who may change the database to run any pantau command on it once."
                      : "\(path) dibuat oleh Pantau versi lama dan harus ditingkatkan sebelum dapat dibaca versi ini, yang tidak boleh Anda lakukan; minta petugas yang boleh mengubah basis data menjalankan satu perintah pantau padanya."
        default:
            preconditionFailure("\(self) has no sentence: add it here or to serverSentence")
        }
    }
}

extension PantauError: CustomStringConvertible {
    public var description: String { message(.en) }
}
