import Foundation

/// Who is changing the data: the operating-system login name of this process, so officers on one server are told apart.
public enum Operator {
    public static var current: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid \(geteuid())"
    }
}

/// One line of the audit trail.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var id: Int64
    public var at: String
    public var who: String
    public var entity: String
    public var record: String
    public var field: String
    public var oldValue: String?
    public var newValue: String?
    public var note: String
    /// For an entry brought by `pantau copy`: the store it was first written in (its time and login are that store's).
    public var copiedFrom: String?

    public init(id: Int64, at: String, who: String, entity: String, record: String, field: String, oldValue: String?, newValue: String?, note: String,
                copiedFrom: String? = nil) {
        self.id = id; self.at = at; self.who = who; self.entity = entity; self.record = record; self.field = field
        self.oldValue = oldValue; self.newValue = newValue; self.note = note; self.copiedFrom = copiedFrom
    }
}

/// One evaluation of a koperasi, newest last.
public struct EvaluationRecord: Sendable, Equatable {
    public var outcome: EvaluationOutcome
    public var note: String
    public var at: String
    public var who: String

    public init(outcome: EvaluationOutcome, note: String, at: String, who: String) {
        self.outcome = outcome; self.note = note; self.at = at; self.who = who
    }
}

/// Everything Pantau knows about one koperasi, for the detail view.
public struct KoperasiDetail: Sendable, Equatable {
    public var koperasi: Koperasi
    public var regionLabel: String
    public var ratDates: [Int: String]
    public var evaluations: [EvaluationRecord]
    public var audit: [AuditEntry]

    public init(koperasi: Koperasi, regionLabel: String, ratDates: [Int: String], evaluations: [EvaluationRecord], audit: [AuditEntry]) {
        self.koperasi = koperasi; self.regionLabel = regionLabel; self.ratDates = ratDates; self.evaluations = evaluations; self.audit = audit
    }
}

/// How far the evaluation of a scope's inactive koperasi has come.
public struct EvaluationProgress: Sendable, Equatable {
    public var inactive: Int
    public var evaluated: Int
    public var byOutcome: [EvaluationOutcome: Int]
    public var ratio: Double { inactive == 0 ? 1 : Double(evaluated) / Double(inactive) }

    public init(inactive: Int, evaluated: Int, byOutcome: [EvaluationOutcome: Int]) {
        self.inactive = inactive; self.evaluated = evaluated; self.byOutcome = byOutcome
    }
}

/// The calendar year now: no book year after it can have happened yet.
public enum Today {
    /// In the local time zone, as a calendar would say. Asked once per imported row: the C library's answer costs
    /// a fraction of a new Calendar's.
    public static var year: Int {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return Calendar(identifier: .gregorian).component(.year, from: Date()) }
        return Int(parts.tm_year) + 1900
    }
}
