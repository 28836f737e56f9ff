/// SplitMix64, as in pantau-datagen: the same seed gives the same sequence (a fuzz case the same bytes, a property
/// test the same writes) on every machine.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The seed of case `index` of `family`: every case can be rebuilt alone from its name.
    public static func seed(root: UInt64, family: String, index: Int) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in "\(family)#\(index)".utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return root ^ hash
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &self) }
    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    public mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
    public mutating func byte() -> UInt8 { UInt8.random(in: 0...255, using: &self) }
}
