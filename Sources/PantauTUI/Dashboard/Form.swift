import PantauCore

/// A change an officer asks for from the dashboard; the runtime writes it through the core.
public enum FieldChange: Sendable, Equatable {
    case rat(nik: String, year: Int, date: String?, note: String)
    case evaluation(nik: String, outcome: EvaluationOutcome, note: String)
    case edit(nik: String, members: Int?, health: Kesehatan?, clearHealth: Bool)

    public var nik: String {
        switch self {
        case .rat(let nik, _, _, _), .evaluation(let nik, _, _), .edit(let nik, _, _, _): nik
        }
    }
}

/// A small form over the dashboard: a few fields, then a confirmation.
public struct Form: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case rat, evaluate, edit }

    public struct Field: Sendable, Equatable {
        public var label: String
        public var value: String
        /// When not empty, the value is one of these, chosen with ←/→ or a digit.
        public var choices: [String] = []
    }

    public var kind: Kind
    public var nik: String
    public var nama: String
    public var fields: [Field]
    public var index = 0
    public var confirming = false

    public enum Outcome: Equatable { case editing, cancelled, submitted }

    /// Takes one key. Enter moves to the next field, then asks for confirmation; `y` submits.
    public mutating func handle(_ key: Key) -> Outcome {
        if confirming {
            switch key {
            case .character("y"), .character("Y"): return .submitted
            case .character("n"), .character("N"), .escape: confirming = false; return .editing
            default: return .editing
            }
        }
        switch key {
        case .escape: return .cancelled
        case .enter, .tab, .down:
            if index + 1 < fields.count { index += 1 } else if key == .enter { confirming = true }
        case .backTab, .up:
            index = max(0, index - 1)
        case .left, .right:
            cycle(key == .right ? 1 : -1)
        case .backspace:
            if fields[index].choices.isEmpty { fields[index].value = String(fields[index].value.dropLast()) }
        case .character(let c):
            if fields[index].choices.isEmpty {
                fields[index].value.append(c)
            } else if let digit = c.wholeNumberValue, (1...fields[index].choices.count).contains(digit) {
                fields[index].value = fields[index].choices[digit - 1]
            }
        default:
            break
        }
        return .editing
    }

    private mutating func cycle(_ step: Int) {
        let choices = fields[index].choices
        guard !choices.isEmpty else { return }
        let current = choices.firstIndex(of: fields[index].value) ?? 0
        fields[index].value = choices[(current + step + choices.count) % choices.count]
    }

    static let noHealth = "–"

    static func rat(nik: String, nama: String, year: Int, s: Strings) -> Form {
        Form(kind: .rat, nik: nik, nama: nama, fields: [
            Field(label: s.fieldYear, value: String(year)), Field(label: s.fieldDate, value: ""), Field(label: s.fieldNote, value: ""),
        ])
    }

    static func evaluate(nik: String, nama: String, current: String?, s: Strings) -> Form {
        let choices = EvaluationOutcome.allCases.map(\.rawValue)
        return Form(kind: .evaluate, nik: nik, nama: nama, fields: [
            Field(label: s.fieldOutcome, value: current ?? choices[0], choices: choices), Field(label: s.fieldNote, value: ""),
        ])
    }

    static func edit(nik: String, nama: String, members: Int?, health: String?, s: Strings) -> Form {
        Form(kind: .edit, nik: nik, nama: nama, fields: [
            Field(label: s.fieldMembers, value: members.map(String.init) ?? ""),
            Field(label: s.fieldHealth, value: health ?? noHealth, choices: [noHealth] + Kesehatan.allCases.map(\.rawValue)),
        ])
    }

    /// The change the form describes, or a sentence saying which field to fix.
    func change(_ s: Strings) -> Result<FieldChange, FormProblem> {
        let values = fields.map { $0.value.trimmingCharacters(in: .whitespaces) }
        switch kind {
        case .rat:
            guard let year = Int(values[0]) else { return .failure(FormProblem(field: 0, message: s.yearMustBeNumber)) }
            return .success(.rat(nik: nik, year: year, date: values[1].isEmpty ? nil : values[1], note: values[2]))
        case .evaluate:
            let outcome = EvaluationOutcome(rawValue: values[0]) ?? .dibina
            return .success(.evaluation(nik: nik, outcome: outcome, note: values[1]))
        case .edit:
            guard values[0].isEmpty || Int(values[0]) != nil else { return .failure(FormProblem(field: 0, message: s.membersMustBeNumber)) }
            return .success(.edit(nik: nik, members: Int(values[0]), health: Kesehatan(rawValue: values[1]), clearHealth: values[1] == Self.noHealth))
        }
    }
}

struct FormProblem: Error, Equatable {
    var field: Int
    var message: String
}

import Foundation
