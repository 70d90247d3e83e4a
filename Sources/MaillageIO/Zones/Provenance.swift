/// A zone's provenance text as clauses `key: text` joined by `; `, so that importing a
/// new population replaces the population clause instead of piling up history.
///
/// Only file names (not paths or dates) go in, so that the same inputs give the same text.
struct Provenance {
    private(set) var clauses: [(key: String, text: String)] = []

    init(_ text: String?) {
        guard let text, !text.isEmpty else { return }
        for clause in text.components(separatedBy: "; ") {
            if let colon = clause.range(of: ": ") {
                clauses.append((String(clause[..<colon.lowerBound]), String(clause[colon.upperBound...])))
            } else {
                clauses.append((clause, ""))
            }
        }
    }

    /// Sets a clause, in place when the key is there, else at the end.
    mutating func set(_ key: String, _ text: String) {
        if let index = clauses.firstIndex(where: { $0.key == key }) {
            clauses[index].text = text
        } else {
            clauses.append((key, text))
        }
    }

    mutating func remove(_ key: String) { clauses.removeAll { $0.key == key } }

    /// The joined text, nil when there is no clause.
    var text: String? {
        clauses.isEmpty
            ? nil : clauses.map { $0.text.isEmpty ? $0.key : "\($0.key): \($0.text)" }.joined(separator: "; ")
    }
}
