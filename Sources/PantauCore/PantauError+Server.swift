/// The sentences of store addresses, shared servers and connections to them: the errors of Pantau's second store.
extension PantauError {
    /// nil for an error of a file, a record or the command line (`sentence` words those).
    func serverSentence(_ lang: Language) -> String? {
        let en = lang == .en
        switch self {
        // Store addresses (--db and PANTAU_DB). Nothing from a PostgreSQL URL is quoted but the scheme, parameter
        // names and sslmode values, and those only where they cannot be a piece of the password (nil: not shown).
        case .storeAddressUnknownScheme(let scheme):
            return en ? "\(scheme):// is not a kind of database Pantau can open; give a file path, sqlite:PATH or postgresql://USER@HOST:PORT/DATABASE."
                      : "\(scheme):// bukan jenis basis data yang dapat dibuka Pantau; berikan jalur berkas, sqlite:JALUR atau postgresql://PENGGUNA@HOST:PORT/BASISDATA."
        case .storeAddressWithoutSlashes(let scheme):
            return en ? "A PostgreSQL address starts with \(scheme)://, e.g. postgresql://siti@db.kantor:5432/pantau; a file whose name starts with \(scheme): is given as ./\(scheme):NAME."
                      : "Alamat PostgreSQL diawali \(scheme)://, misalnya postgresql://siti@db.kantor:5432/pantau; berkas yang namanya diawali \(scheme): ditulis ./\(scheme):NAMA."
        case .storeAddressSQLiteWithoutPath:
            return en ? "sqlite: needs the path of the database file after it, e.g. sqlite:/srv/pantau/kantor.db."
                      : "sqlite: memerlukan jalur berkas basis data sesudahnya, misalnya sqlite:/srv/pantau/kantor.db."
        case .storeAddressBadPercentEncoding(.parameter(nil)):
            return en ? "A parameter in the PostgreSQL address has a broken %-escape; write two hex digits after each % (%40 for @, %25 for %; %00 is not allowed)."
                      : "Salah satu parameter dalam alamat PostgreSQL memuat %-escape yang rusak; tulis dua digit heksadesimal sesudah setiap % (%40 untuk @, %25 untuk %; %00 tidak boleh)."
        case .storeAddressBadPercentEncoding(let part):
            let name = Strings(lang).storeAddressPart(part)
            return en ? "The \(name) in the PostgreSQL address has a broken %-escape; write two hex digits after each % (%40 for @, %25 for %; %00 is not allowed)."
                      : "\(name.prefix(1).uppercased() + name.dropFirst()) dalam alamat PostgreSQL memuat %-escape yang rusak; tulis dua digit heksadesimal sesudah setiap % (%40 untuk @, %25 untuk %; %00 tidak boleh)."
        case .storeAddressBadPort(let variable):
            if let variable {
                return en ? "\(variable) must be a whole number from 1 to 65535 (the server's port, usually 5432); correct it or unset it."
                          : "\(variable) harus bilangan bulat 1 sampai 65535 (port server, biasanya 5432); perbaiki atau hapus variabelnya."
            }
            return en ? "The port in the PostgreSQL address must be a whole number from 1 to 65535, e.g. postgresql://siti@db.kantor:5432/pantau."
                      : "Port dalam alamat PostgreSQL harus bilangan bulat 1 sampai 65535, misalnya postgresql://siti@db.kantor:5432/pantau."
        case .storeAddressBadIPv6:
            return en ? "An IPv6 host in a PostgreSQL address is written whole between [ and ], followed by nothing or :PORT, e.g. postgresql://siti@[::1]:5432/pantau."
                      : "Host IPv6 dalam alamat PostgreSQL ditulis utuh di antara [ dan ], diikuti :PORT atau tidak sama sekali, misalnya postgresql://siti@[::1]:5432/pantau."
        case .storeAddressSeveralHosts:
            return en ? "Pantau connects to one PostgreSQL server; give one host, not a list separated by commas."
                      : "Pantau terhubung ke satu server PostgreSQL; berikan satu host, bukan daftar yang dipisah koma."
        case .storeAddressUnencodedCredentials:
            return en ? "The PostgreSQL address has an @ after a / or ?; write /, ? and @ in the user name or password as %2F, %3F and %40, and any other @ as %40."
                      : "Alamat PostgreSQL memuat @ sesudah / atau ?; tulis /, ? dan @ dalam nama pengguna atau kata sandi sebagai %2F, %3F dan %40, dan @ lainnya sebagai %40."
        case .storeAddressUnknownParameter(nil):
            return en ? "The PostgreSQL address has a parameter Pantau does not know; use host, port, dbname, user, password, sslmode, application_name or connect_timeout, and write & and = inside a value as %26 and %3D."
                      : "Alamat PostgreSQL memuat parameter yang tidak dikenal Pantau; gunakan host, port, dbname, user, password, sslmode, application_name atau connect_timeout, dan tulis & dan = di dalam nilai sebagai %26 dan %3D."
        case .storeAddressUnknownParameter(let name?):
            return en ? "The PostgreSQL address has the parameter \"\(name)\", which Pantau does not know; use host, port, dbname, user, password, sslmode, application_name or connect_timeout."
                      : "Alamat PostgreSQL memuat parameter \"\(name)\" yang tidak dikenal Pantau; gunakan host, port, dbname, user, password, sslmode, application_name atau connect_timeout."
        case .storeAddressMalformedParameter(nil):
            return en ? "A parameter of the PostgreSQL address is not written NAME=VALUE with one =; write & and = inside a value as %26 and %3D."
                      : "Salah satu parameter dalam alamat PostgreSQL tidak ditulis NAMA=NILAI dengan satu =; tulis & dan = di dalam nilai sebagai %26 dan %3D."
        case .storeAddressMalformedParameter(let name?):
            return en ? "The parameter \"\(name)\" of the PostgreSQL address must be written NAME=VALUE with one =, e.g. ?sslmode=require."
                      : "Parameter \"\(name)\" dalam alamat PostgreSQL harus ditulis NAMA=NILAI dengan satu =, misalnya ?sslmode=require."
        case .storeAddressBadConnectTimeout:
            return en ? "connect_timeout in the PostgreSQL address must be a whole number of seconds, e.g. connect_timeout=10."
                      : "connect_timeout dalam alamat PostgreSQL harus bilangan bulat detik, misalnya connect_timeout=10."
        case .storeAddressSSLModeNotSupported(let mode):
            return en ? "sslmode \(mode) is not supported yet (Pantau does not check server certificates yet); use sslmode=require for an encrypted connection."
                      : "sslmode \(mode) belum didukung (Pantau belum memeriksa sertifikat server); gunakan sslmode=require untuk koneksi terenkripsi."
        case .storeAddressUnknownSSLMode(nil, _):
            return en ? "sslmode in the PostgreSQL address is not a TLS mode Pantau knows; give disable, prefer or require."
                      : "sslmode dalam alamat PostgreSQL bukan mode TLS yang dikenal Pantau; berikan disable, prefer atau require."
        case .storeAddressUnknownSSLMode(let mode?, let variable):
            let label = variable ?? "sslmode"
            return en ? "\(label) \"\(mode)\" is not a TLS mode Pantau knows; give disable, prefer or require."
                      : "\(label) \"\(mode)\" bukan mode TLS yang dikenal Pantau; berikan disable, prefer atau require."
        case .storeAddressNoUser:
            return en ? "The PostgreSQL address names no user and the login name could not be found; write it as postgresql://USER@HOST/DATABASE or set PGUSER."
                      : "Alamat PostgreSQL tidak menyebut pengguna dan nama login tidak ditemukan; tulis sebagai postgresql://PENGGUNA@HOST/BASISDATA atau isi PGUSER."
        case .serverRefusedChange(let login, let region):
            return en ? "The server refused the change: \(login) may not change records of \(region); the database's owner can give that right with `pantau grant \(login) --role editor --region CODE`. Nothing was changed."
                      : "Server menolak perubahan: \(login) tidak berhak mengubah data \(region); pemilik basis data dapat memberi hak itu dengan `pantau grant \(login) --role editor --region KODE`. Tidak ada yang diubah."
        case .copyOntoItself(let store):
            return en ? "FROM and TO are the same database (\(store)); give another database as TO, for example a new file path."
                      : "DARI dan KE adalah basis data yang sama (\(store)); berikan basis data lain sebagai KE, misalnya jalur berkas baru."
        case .targetsAreTheOwners(let store):
            return en ? "The server at \(store) refused: only the database's owner may change targets and thresholds. Nothing was changed."
                      : "Server di \(store) menolak: hanya pemilik basis data yang boleh mengubah target dan ambang. Tidak ada yang diubah."
        case .recountIsTheOwners(let store):
            return en ? "The server at \(store) refused: only the database's owner may write the kept counts again, as they span every office; ask the owner to run `pantau check --recount --db ADDRESS`. Nothing was changed."
                      : "Server di \(store) menolak: hanya pemilik basis data yang boleh menulis ulang hitungan tersimpan, karena mencakup semua kantor; minta pemilik menjalankan `pantau check --recount --db ALAMAT`. Tidak ada yang diubah."
        case .serverRefused(let store, let reason):
            return en ? "The server at \(store) refused: \(reason). Nothing was changed."
                      : "Server di \(store) menolak: \(reason). Tidak ada yang diubah."
        case .serverConnectionLost(let store):
            return en ? "The connection to the server at \(store) was lost; nothing was changed. Try again when the network is back."
                      : "Sambungan ke server di \(store) terputus; tidak ada yang diubah. Coba lagi setelah jaringan pulih."
        case .notAPantauServerDatabase(let store):
            return en ? "The database \(store) holds no Pantau data; make it one with `pantau init --db ADDRESS` (run by the database's owner)."
                      : "Basis data \(store) tidak berisi data Pantau; jadikan basis data Pantau dengan `pantau init --db ALAMAT` (dijalankan pemilik basis data)."
        case .serverDatabaseHoldsPantau(let store):
            return en ? "The database \(store) already holds Pantau's tables; init never overwrites. Use it as it is, or create a new database for a new start."
                      : "Basis data \(store) sudah berisi tabel Pantau; init tidak pernah menimpa. Gunakan apa adanya, atau buat basis data baru."
        case .serverDatabaseFromNewerPantau(let store):
            return en ? "The database \(store) was made by a newer Pantau; install that version to use it."
                      : "Basis data \(store) dibuat oleh Pantau yang lebih baru; pasang versi itu untuk memakainya."
        case .serverDatabaseFromOlderPantau(let store, _, true):
            return en ? "The database \(store) was made by an older Pantau and must be upgraded before this one can read it; run the command once without --read-only (the upgrade is one transaction)."
                      : "Basis data \(store) dibuat oleh Pantau versi lama dan harus ditingkatkan sebelum dapat dibaca versi ini; jalankan perintahnya sekali tanpa --read-only (peningkatannya satu transaksi)."
        case .serverDatabaseFromOlderPantau(let store, let owner, false):
            return en ? "The database \(store) was made by an older Pantau and must be upgraded before this one can read it, which only its owner may do; ask \(owner) to run any pantau command on it once."
                      : "Basis data \(store) dibuat oleh Pantau versi lama dan harus ditingkatkan sebelum dapat dibaca versi ini, yang hanya boleh dilakukan pemiliknya; minta \(owner) menjalankan satu perintah pantau padanya."
        case .onlyOnSQLite(let what, let store):
            return en ? "\(what) works on a SQLite file; \(store) is a PostgreSQL server, whose administrator backs it up and checks it with the server's own tools (pg_dump, amcheck)."
                      : "\(what) berlaku untuk berkas SQLite; \(store) adalah server PostgreSQL, yang dicadangkan dan diperiksa administratornya dengan alat server itu sendiri (pg_dump, amcheck)."
        case .rightsOnlyOnServer(let path):
            return en ? "\(path) is a SQLite file: who may read or change it is decided by the file's permissions (see the README, \"A shared server\"); grant and revoke are for a PostgreSQL server."
                      : "\(path) adalah berkas SQLite: siapa yang boleh membaca atau mengubahnya ditentukan izin berkas (lihat README, \"A shared server\"); grant dan revoke untuk server PostgreSQL."
        case .loginWithoutRights(let login, let store):
            return en ? "\(login) may not read the Pantau database \(store); its owner gives the right with `pantau grant \(login) --role viewer` (or editor)."
                      : "\(login) tidak berhak membaca basis data Pantau \(store); pemiliknya memberi hak dengan `pantau grant \(login) --role viewer` (atau editor)."
        case .unknownLogin(let login):
            return en ? "There is no login named \(login) on this server; the server's administrator creates it first (CREATE ROLE \(login) LOGIN PASSWORD '…')."
                      : "Tidak ada login bernama \(login) di server ini; administrator server membuatnya dahulu (CREATE ROLE \(login) LOGIN PASSWORD '…')."
        case .notALogin(let login):
            return en ? "\(login) is a group role that cannot log in; grant rights to an officer's own login."
                      : "\(login) adalah peran kelompok yang tidak dapat masuk; berikan hak kepada login petugas sendiri."
        case .importWithoutChecker(let store):
            return en ? "Importing files into the PostgreSQL server at \(store) needs the files checked on this machine first, and this store was opened without that check; nothing was changed. Import with the pantau command."
                      : "Impor berkas ke server PostgreSQL di \(store) memerlukan pemeriksaan berkas di mesin ini lebih dulu, dan penyimpanan ini dibuka tanpa pemeriksaan itu; tidak ada yang diubah. Impor dengan perintah pantau."
        case .passwordFileTooLarge(let path):
            return en ? "The password file \(path) is larger than 1 MB, which no password file needs; check that it is the right file (HOST:PORT:DATABASE:USER:PASSWORD lines)."
                      : "Berkas kata sandi \(path) lebih besar dari 1 MB, padahal berkas kata sandi tidak pernah sebesar itu; periksa apakah berkasnya benar (baris HOST:PORT:BASISDATA:PENGGUNA:KATASANDI)."
        case .passwordFileLineTooLong(let path, let line):
            return en ? "Line \(line) of the password file \(path) is longer than 64 KB, which no password file needs; check that it is the right file (HOST:PORT:DATABASE:USER:PASSWORD lines)."
                      : "Baris \(line) berkas kata sandi \(path) lebih panjang dari 64 KB, padahal berkas kata sandi tidak pernah begitu; periksa apakah berkasnya benar (baris HOST:PORT:BASISDATA:PENGGUNA:KATASANDI)."

        // Connecting to a PostgreSQL server: each sentence names the server (and the database and user where they
        // matter) and what to do; the server's own words appear only in the last, catch-all case.
        case .postgresRefused(let server):
            return en ? "No PostgreSQL server answers at \(server) (connection refused); check that the server is running and that the host and port in the address are right."
                      : "Tidak ada server PostgreSQL yang menjawab di \(server) (koneksi ditolak); periksa apakah server berjalan dan host serta port dalam alamat sudah benar."
        case .postgresSocketMissing(let socket):
            return en ? "No PostgreSQL server listens on the socket \(socket) (the file does not exist); check that the server is running and that host= and the port in the address are right."
                      : "Tidak ada server PostgreSQL yang mendengarkan di soket \(socket) (berkasnya tidak ada); periksa apakah server berjalan dan host= serta port dalam alamat sudah benar."
        case .postgresHostUnknown(let host):
            return en ? "The host name \(host) is not known (DNS found no address for it); check its spelling in the address or give the server's IP address."
                      : "Nama host \(host) tidak dikenal (DNS tidak menemukan alamatnya); periksa ejaannya dalam alamat atau berikan alamat IP server."
        case .postgresTimeout(let server, let seconds):
            return en ? "The PostgreSQL server at \(server) did not answer within \(seconds) s; check the host and port, the network and any firewall between, or allow more time with connect_timeout."
                      : "Server PostgreSQL di \(server) tidak menjawab dalam \(seconds) detik; periksa host dan port, jaringan dan firewall di antaranya, atau beri waktu lebih dengan connect_timeout."
        case .postgresPasswordWrong(let server, let user):
            return en ? "The server \(server) refused the password of user \(user); check the password in the address, PGPASSWORD or ~/.pgpass."
                      : "Server \(server) menolak kata sandi pengguna \(user); periksa kata sandi dalam alamat, PGPASSWORD atau ~/.pgpass."
        case .postgresPasswordNeeded(let server, let user):
            return en ? "The server \(server) asks for the password of user \(user) and none was given; put it in ~/.pgpass (HOST:PORT:DATABASE:USER:PASSWORD, mode 0600) or PGPASSWORD."
                      : "Server \(server) meminta kata sandi pengguna \(user) tetapi tidak ada yang diberikan; tulis di ~/.pgpass (HOST:PORT:BASISDATA:PENGGUNA:KATASANDI, mode 0600) atau PGPASSWORD."
        case .postgresUnknownDatabase(let server, let database):
            return en ? "The server \(server) has no database \(database); check the name in the address, or create it first (createdb \(database))."
                      : "Server \(server) tidak memiliki basis data \(database); periksa namanya dalam alamat, atau buat lebih dulu (createdb \(database))."
        case .postgresUnknownRole(let server, let user):
            return en ? "The server \(server) has no user \(user); check the user name in the address or ask the server's administrator to create the login."
                      : "Server \(server) tidak memiliki pengguna \(user); periksa nama pengguna dalam alamat atau minta administrator server membuat login-nya."
        case .postgresRoleCannotLogIn(let server, let user):
            return en ? "The user \(user) on \(server) is not allowed to log in; ask the server's administrator for a login (ALTER ROLE \(user) LOGIN) or use another user."
                      : "Pengguna \(user) di \(server) tidak diizinkan login; minta administrator server memberi izin login (ALTER ROLE \(user) LOGIN) atau gunakan pengguna lain."
        case .postgresEncryptionRequired(let server, let user, let database):
            return en ? "The server \(server) accepts user \(user) for database \(database) only over an encrypted connection; use sslmode=require (or leave sslmode out) instead of sslmode=disable."
                      : "Server \(server) hanya menerima pengguna \(user) untuk basis data \(database) lewat koneksi terenkripsi; gunakan sslmode=require (atau hilangkan sslmode) sebagai ganti sslmode=disable."
        case .postgresNoAccessRule(let server, let user, let database):
            return en ? "The server \(server) has no rule letting user \(user) reach database \(database) from this machine; ask its administrator to add one to pg_hba.conf."
                      : "Server \(server) tidak memiliki aturan yang mengizinkan pengguna \(user) mengakses basis data \(database) dari mesin ini; minta administratornya menambahkannya di pg_hba.conf."
        case .postgresServerWithoutTLS(let server):
            return en ? "The address asks for sslmode=require but the server \(server) does not offer encrypted connections; ask its administrator to enable ssl, or use sslmode=prefer on a network you trust."
                      : "Alamat meminta sslmode=require tetapi server \(server) tidak menyediakan koneksi terenkripsi; minta administratornya mengaktifkan ssl, atau gunakan sslmode=prefer di jaringan yang Anda percayai."
        case .postgresConnectDenied(let server, let user, let database):
            return en ? "User \(user) may not connect to database \(database) on \(server); ask the database's owner to run GRANT CONNECT ON DATABASE \(database) TO \(user)."
                      : "Pengguna \(user) tidak boleh terhubung ke basis data \(database) di \(server); minta pemilik basis data menjalankan GRANT CONNECT ON DATABASE \(database) TO \(user)."
        case .postgresTooManyConnections(let server):
            return en ? "The server \(server) has no free connection left (too many clients); try again in a moment or ask its administrator to raise max_connections."
                      : "Server \(server) tidak punya koneksi tersisa (terlalu banyak klien); coba lagi sebentar lagi atau minta administratornya menaikkan max_connections."
        case .postgresNotReady(let server):
            return en ? "The server \(server) is starting up or shutting down and accepts no connections now; try again in a moment."
                      : "Server \(server) sedang menyala atau dimatikan dan belum menerima koneksi; coba lagi sebentar lagi."
        case .postgresUnsupportedAuthentication(let server, let user):
            return en ? "The server \(server) asks user \(user) to log in by a method Pantau does not support (such as Kerberos or a client certificate); ask its administrator for a password login (scram-sha-256)."
                      : "Server \(server) meminta pengguna \(user) login dengan cara yang tidak didukung Pantau (seperti Kerberos atau sertifikat klien); minta administratornya menyediakan login dengan kata sandi (scram-sha-256)."
        case .postgresServerTooOld(let server, let version, let needed):
            return en ? "The server \(server) runs PostgreSQL \(version), but Pantau needs PostgreSQL \(needed) or newer; ask its administrator to upgrade it."
                      : "Server \(server) menjalankan PostgreSQL \(version), padahal Pantau memerlukan PostgreSQL \(needed) atau yang lebih baru; minta administratornya memperbaruinya."
        case .postgresConnectionFailed(let server, let reason):
            return en ? "Could not connect to the PostgreSQL server at \(server) (\(reason)); check the address and that the server is running."
                      : "Tidak dapat terhubung ke server PostgreSQL di \(server) (\(reason)); periksa alamatnya dan apakah server berjalan."
        default:
            return nil
        }
    }
}
