// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "koffiepot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "koffiepot", targets: ["koffiepot"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/vapor/swift-openapi-vapor", from: "1.2.0"),
        // Already in the build through Vapor; named here because the pure core's personal codes use it.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // QR codes for printed invitations and posters, in pure Swift: no system library, so
        // `swift run koffiepot` builds on a machine that has only the Swift toolchain.
        .target(name: "QRCodeEncoder"),
        // The pure rules: Foundation (and Crypto for personal codes) only, no Vapor, no Fluent, so they stay pure
        // and their tests build fast.
        .target(name: "KoffiepotRules", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "Koffiepot",
            dependencies: [
                "QRCodeEncoder",
                "KoffiepotRules",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIVapor", package: "swift-openapi-vapor"),
            ],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .executableTarget(
            name: "koffiepot",
            dependencies: ["Koffiepot"]
        ),
        .testTarget(name: "QRCodeEncoderTests", dependencies: ["QRCodeEncoder"], exclude: ["segno_matrix.py"]),
        .testTarget(name: "KoffiepotRulesTests", dependencies: ["KoffiepotRules"]),
        .testTarget(
            name: "KoffiepotTests",
            dependencies: [
                "Koffiepot",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            exclude: ["Features/SocialMap/hsds_validate.py"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
