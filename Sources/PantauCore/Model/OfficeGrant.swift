/// Who may do what on a shared server: a login, its role, and for an editor the region it may change.
public struct OfficeGrant: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable { case editor, viewer }

    public var login: String
    public var role: Role
    /// nil: everywhere.
    public var regionCode: String?
    public var regionName: String?
    public var grantedAt: String?
    public var grantedBy: String?

    public init(login: String, role: Role, regionCode: String?, regionName: String?, grantedAt: String?, grantedBy: String?) {
        self.login = login; self.role = role; self.regionCode = regionCode; self.regionName = regionName
        self.grantedAt = grantedAt; self.grantedBy = grantedBy
    }
}
