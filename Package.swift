// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Pantau",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pantau", targets: ["pantau"]),
        .executable(name: "pantau-datagen", targets: ["pantau-datagen"]),
        .library(name: "PantauCore", targets: ["PantauCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The domain: model, the store port, analytics, import parsing, formatting. No database code.
        .target(name: "PantauCore", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The embedded store: one SQLite file through GRDB; the only target that imports GRDB.
        .target(
            name: "PantauSQLite",
            dependencies: ["PantauCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // The shared-server store: PostgreSQL through postgres-nio; the only target that imports PostgresNIO.
        .target(
            name: "PantauPostgres",
            dependencies: ["PantauCore", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        // The dashboard as pure code: state, update(), views drawn into a cell grid.
        .target(name: "PantauTUI", dependencies: ["PantauCore"]),
        // ncursesw through one shim header; only the executable imports it.
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .executableTarget(
            name: "pantau",
            dependencies: [
                "PantauCore", "PantauTUI", "PantauSQLite", "PantauPostgres", "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Deterministic generator of the sample data and of national-scale benchmark data.
        .executableTarget(
            name: "pantau-datagen",
            dependencies: [
                "PantauCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Key-to-frame times of the dashboard's own loop, in process (docs/benchmarks/dashboard.sh runs it).
        .executableTarget(
            name: "pantau-bench",
            dependencies: [
                "PantauCore", "PantauTUI", "PantauSQLite", "PantauPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Sample databases and paths shared by the test targets.
        .target(name: "PantauTestSupport", dependencies: ["PantauCore", "PantauSQLite"], path: "Tests/Support"),
        .testTarget(name: "PantauCoreTests", dependencies: ["PantauCore", "PantauSQLite", "PantauTestSupport", "ZIPFoundation"], exclude: ["Fixtures"]),
        .testTarget(
            name: "PantauTUITests",
            dependencies: [
                "PantauTUI", "PantauCore", "PantauSQLite", "PantauPostgres", "PantauTestSupport",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        // The PostgreSQL store against a real server (PANTAU_TEST_POSTGRES); skipped with one line when none is given.
        .testTarget(name: "PantauPostgresTests", dependencies: ["PantauPostgres", "PantauCore", "PantauSQLite", "PantauTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["PantauCore", "PantauSQLite", "PantauTestSupport"], exclude: ["Fixtures"]),
        // Hundreds of malformed import files derived from the sample export, each run through the real binary.
        .testTarget(
            name: "ImportFuzzTests",
            dependencies: ["PantauTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ]
)
