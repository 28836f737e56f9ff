import Glibc

/// Memory freed by another thread stays with the allocator's arena for that thread, counted in the process's
/// resident size, until it is given back. glibc's `malloc_trim` does that for every arena; Swift's Glibc module does
/// not declare it, so it is looked up by name (and skipped where the C library has no such call).
enum FreedMemory {
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()

    static func giveBack() { _ = trim?(0) }
}
