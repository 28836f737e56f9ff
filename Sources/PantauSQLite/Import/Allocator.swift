import Glibc

/// glibc's allocator, held to the 64 MiB an import may take. It gives each thread that allocates beside another an
/// arena of its own, and memory freed there stays with that arena: the checking thread (see CheckAhead) and, on the
/// server path, the connection's threads each kept a few MiB (a national koperasi import to a server: 66,6 MiB,
/// against 60,1 with two arenas and no slower). The calls are not in Swift's Glibc module, so they are looked up
/// by name, and skipped where the C library has none.
package enum Allocator {
    private typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    private typealias MallocTrim = @convention(c) (Int) -> Int32
    private static let mallopt: Mallopt? = symbol("mallopt").map { unsafeBitCast($0, to: Mallopt.self) }
    private static let mallocTrim: MallocTrim? = symbol("malloc_trim").map { unsafeBitCast($0, to: MallocTrim.self) }

    private static func symbol(_ name: String) -> UnsafeMutableRawPointer? { dlsym(dlopen(nil, RTLD_NOW), name) }

    /// At most two arenas, shared by all threads. Before any other thread starts (arenas made before stay).
    package static func shareArenas() {
        let arenaMax: Int32 = -8  // M_ARENA_MAX in malloc.h
        _ = mallopt?(arenaMax, 2)
    }

    /// Gives the memory freed by every thread back to the system.
    static func giveBackFreed() { _ = mallocTrim?(0) }
}
