import PantauCore

/// Word pools for plausible Indonesian koperasi and UMKM names.
enum Names {
    static let koperasiPrefix: [Jenis: [String]] = [
        .simpanPinjam: ["Koperasi Simpan Pinjam", "KSP", "Koperasi Simpan Pinjam"],
        .serbaUsaha: ["Koperasi Serba Usaha", "KSU", "Koperasi Unit Desa"],
        .konsumen: ["Koperasi Konsumen", "Koperasi Karyawan", "Koperasi Pegawai"],
        .produsen: ["Koperasi Produsen", "Koperasi Tani", "Koperasi Nelayan", "Koperasi Perkebunan"],
        .pemasaran: ["Koperasi Pemasaran"],
        .jasa: ["Koperasi Jasa", "Koperasi Jasa Angkutan"],
    ]

    static let koperasiWord = [
        "Maju Bersama", "Sejahtera", "Mandiri", "Makmur", "Berkah", "Harapan Baru", "Karya Bersama", "Tunas Harapan",
        "Bina Usaha", "Sumber Rejeki", "Sinar Mulia", "Cahaya Abadi", "Mekar Sari", "Sawit Lestari", "Tani Jaya",
        "Mitra Usaha", "Rukun Santoso", "Gotong Royong", "Bumi Lestari", "Sepakat", "Setia Kawan", "Usaha Bersama",
        "Amanah", "Al-Ikhlas", "Wahana Karya", "Bahari", "Benua Etam", "Borneo Jaya", "Damai Sentosa", "Bersatu",
        "Tepian Makmur", "Mulia Abadi", "Citra Mandiri", "Kencana", "Swadaya", "Merah Putih", "Pelita", "Bina Sejahtera",
    ]

    static let sektor: [Jenis: [String]] = [
        .simpanPinjam: ["jasa keuangan"],
        .serbaUsaha: ["perkebunan", "pertanian", "perdagangan", "perikanan"],
        .konsumen: ["perdagangan"],
        .produsen: ["perkebunan", "pertanian", "peternakan", "perikanan", "kerajinan"],
        .pemasaran: ["perdagangan"],
        .jasa: ["jasa", "transportasi"],
    ]

    static let jenisMix: [(Jenis, Int)] = [
        (.simpanPinjam, 38), (.serbaUsaha, 32), (.konsumen, 12), (.produsen, 10), (.jasa, 5), (.pemasaran, 3),
    ]

    static let usaha: [(String, String)] = [
        ("Warung Makan", "kuliner"), ("Rumah Makan", "kuliner"), ("Kue Basah", "kuliner"), ("Amplang", "kuliner"),
        ("Keripik Pisang", "kuliner"), ("Kopi", "kuliner"), ("Katering", "kuliner"), ("Toko Kelontong", "perdagangan"),
        ("Toko Bangunan", "perdagangan"), ("Kios Pulsa", "perdagangan"), ("Kerajinan Manik", "kerajinan"),
        ("Anyaman Rotan", "kerajinan"), ("Tenun Ulap Doyo", "kerajinan"), ("Sarung Samarinda", "kerajinan"),
        ("Penjahit", "fesyen"), ("Butik", "fesyen"), ("Bengkel Motor", "jasa"), ("Laundry", "jasa"),
        ("Salon", "jasa"), ("Percetakan", "jasa"), ("Ternak Ayam", "peternakan"), ("Ternak Kambing", "peternakan"),
        ("Budidaya Ikan", "perikanan"), ("Ikan Asin", "perikanan"), ("Sayur Organik", "pertanian"), ("Madu Hutan", "pertanian"),
    ]

    static let pemilik = [
        "Bu Siti", "Pak Rahmat", "Ibu Nur", "Hj. Fatimah", "Andi", "Dayang", "Pak Yusuf", "Bu Aminah", "Mas Joko",
        "Mbak Rina", "Pak Daeng", "Bu Wati", "Kak Lina", "Pak Hasan", "Bu Sri", "Acil Ijah", "Pak Made", "Ibu Maria",
        "Bang Udin", "Bu Yanti", "Pak Ketut", "Ibu Ratna", "Pak Ambo", "Bu Lestari", "Pak Simon", "Bu Rosmini",
    ]

    static let romawi = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
}
