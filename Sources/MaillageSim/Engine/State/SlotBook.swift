/// Consultation slots of one provider role (GPs or specialists), per provider and day.
struct SlotBook: Sendable {
    /// Days in the book: the horizon plus room to book beyond it.
    let days: Int
    /// provider × day: slots still free.
    var slots: [Int16]
    /// Per provider, a day before which every slot from ``today`` on is taken.
    var nextFree: [Int32]
    /// The simulated day now: no slot before it is booked any more, so those count as taken.
    var today = 0

    /// A book of `slots` (provider × day), no slot known taken.
    init(days: Int, slots: [Int16], providers: Int) {
        self.days = days
        self.slots = slots
        nextFree = Array(repeating: 0, count: providers)
    }

    /// Slots still free at a provider on a day.
    @inline(__always)
    func free(provider: Int, day: Int) -> Int16 { slots[provider * days + day] }

    /// Takes one slot.
    @inline(__always)
    mutating func take(provider: Int, day: Int) { slots[provider * days + day] -= 1 }

    /// The first day with a free slot at a provider within the tolerance, if any.
    ///
    /// Slots are only ever taken, never given back, and never booked before ``today``, so the
    /// first day from today with a free slot only moves forward: `nextFree` remembers it per
    /// provider and saves rescanning full days. Days before today count as taken: a slot left
    /// free in the past must not pin `nextFree` there (then every later request rescanned its
    /// whole tolerance at a full practice, most of `simulate`'s time for all of France).
    /// `day` must not be before ``today``.
    @inline(__always)
    mutating func earliest(provider: Int, from day: Int, tolerance: Int) -> Int? {
        assert(day >= today, "a slot is booked before the current day")
        let base = provider * days
        let last = min(day + tolerance, days - 1)
        let known = max(Int(nextFree[provider]), today)
        let first = max(day, known)
        guard first <= last else { return nil }
        for candidate in first...last where slots[base + candidate] > 0 {
            if day <= known { nextFree[provider] = Int32(candidate) }
            return candidate
        }
        if day <= known { nextFree[provider] = Int32(last + 1) }
        return nil
    }
}
