/// SplitMix64: a small, fast generator whose output depends only on its seed, on every platform.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A generator for one named part of the data, so that changing one part leaves the others as they were.
    func derived(_ label: String) -> SeededRandom {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in label.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return SeededRandom(seed: state ^ hash)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    /// An item chosen by weight.
    mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        var roll = Int.random(in: 0..<items.reduce(0) { $0 + $1.1 }, using: &self)
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }

    /// `count` distinct indices out of `0..<n`.
    mutating func sample(_ count: Int, of n: Int) -> Set<Int> {
        var indices = Array(0..<n)
        indices.shuffle(using: &self)
        return Set(indices.prefix(count))
    }

    /// Splits `total` into `parts` positive-weighted shares that add up exactly.
    mutating func split(_ total: Int, into parts: Int, minimumWeight: Double = 0.3) -> [Int] {
        guard parts > 0 else { return [] }
        let weights = (0..<parts).map { _ in Double.random(in: minimumWeight...1, using: &self) }
        let sum = weights.reduce(0, +)
        var shares = weights.map { Int(Double(total) * $0 / sum) }
        var rest = total - shares.reduce(0, +)
        var i = 0
        while rest > 0 { shares[i % parts] += 1; rest -= 1; i += 1 }
        return shares
    }
}
