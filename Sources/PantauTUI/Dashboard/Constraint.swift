/// How much of a length one part of a split takes. Layouts list these instead of scattering fractions.
public enum Constraint: Sendable, Equatable {
    /// Exactly `n` cells.
    case fixed(Int)
    /// At least `n` cells; beyond that it shares what is left, like `fill`.
    case minimum(Int)
    /// An equal share of what the other parts leave.
    case fill
    /// `a/b` of the whole length (rounded down), but never less than `minimum`.
    case ratio(Int, Int, minimum: Int = 0)

    /// Whether the part takes a share of the room the others leave.
    var grows: Bool {
        switch self {
        case .fill, .minimum: true
        case .fixed, .ratio: false
        }
    }
}

/// Which way a rectangle is cut.
public enum Axis: Sendable { case rows, columns }

extension Rect {
    /// Cuts the rectangle into one part per constraint, in order. Parts are given their size first to last,
    /// each no more than what remains, so a screen too short for the list cuts the last parts, never overlaps.
    public func split(_ axis: Axis, _ constraints: [Constraint]) -> [Rect] {
        let length = axis == .rows ? height : width
        let base = constraints.map { c -> Int in
            switch c {
            case .fixed(let n), .minimum(let n): n
            case .fill: 0
            case .ratio(let a, let b, let minimum): max(minimum, b == 0 ? 0 : length * a / b)
            }
        }
        let growing = constraints.indices.filter { constraints[$0].grows }
        var spare = max(0, length - base.reduce(0, +))
        var sizes = base
        for (n, i) in growing.enumerated() {
            // The last growing part takes the remainder of an uneven division.
            let share = n == growing.count - 1 ? spare : spare / (growing.count - n)
            sizes[i] += share
            spare -= share
        }
        var parts: [Rect] = []
        var offset = 0
        for size in sizes {
            let taken = min(max(0, size), length - offset)
            parts.append(axis == .rows ? Rect(x: x, y: y + offset, width: width, height: taken)
                                       : Rect(x: x + offset, y: y, width: taken, height: height))
            offset += taken
        }
        return parts
    }
}
