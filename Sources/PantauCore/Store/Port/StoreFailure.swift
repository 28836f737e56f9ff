/// An error of a store's own kind (a database library's) that knows the sentence a user can act on. Each adapter
/// wraps its calls, so such an error escaping them is rare; when one does, it is still worded, never dumped.
public protocol StoreFailure: Error {
    var explained: PantauError? { get }
}

extension PantauError {
    /// The sentence for a store's error that escaped its wrappers; nil when the error is not about the store.
    public static func explaining(_ error: any Error) -> PantauError? {
        (error as? any StoreFailure)?.explained
    }
}
