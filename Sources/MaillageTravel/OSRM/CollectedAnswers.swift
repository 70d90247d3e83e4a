import Foundation

/// A table's answers as ``TableClient``'s threads bring them: hands out the next block to ask
/// for, and writes each origin chunk's pairs to ``RoutedPairs`` once all its blocks are in and
/// every earlier chunk is written, so that only the chunks in flight are held in memory.
///
/// The pairs, the snapping distances and the counts come out as they did when the whole table
/// was assembled at the end: chunk by chunk in origin order, blocks in plan order within one.
final class CollectedAnswers: @unchecked Sendable {
    private let lock = NSLock()
    private let blocks: [TableBlock]
    private let blocksPerChunk: Int
    private var waiting: [TableClient.BlockAnswer?]
    private var doneInChunk: [Int]
    private var nextChunk = 0
    private var handedOut = 0
    private var pairsAsked = 0
    private var firstFailure: (any Error)?
    private var table: TableClient.Table

    /// Room for the answers of `blocks` (``TableBlock/plan(origins:destinations:size:)``'s
    /// order) over `origins` × `destinations` points.
    init(blocks: [TableBlock], origins: Int, destinations: Int) throws {
        self.blocks = blocks
        // Blocks of one origin chunk are consecutive and share their origins.
        blocksPerChunk = max(1, blocks.prefix { $0.origins == blocks.first?.origins }.count)
        waiting = .init(repeating: nil, count: blocks.count)
        doneInChunk = .init(repeating: 0, count: (blocks.count + blocksPerChunk - 1) / blocksPerChunk)
        table = TableClient.Table(
            pairs: try RoutedPairs(), originSnapMetres: .init(repeating: nil, count: origins),
            destinationSnapMetres: .init(repeating: nil, count: destinations), unroutable: 0, overLimit: 0, requests: 0)
    }

    /// The index of the next block to ask for; nil when none is left or one failed.
    func next() -> Int? {
        lock.withLock {
            guard firstFailure == nil, handedOut < blocks.count else { return nil }
            handedOut += 1
            return handedOut - 1
        }
    }

    /// Keeps a block's answer, writes the chunks it completes, and reports the pairs asked so
    /// far, one report at a time.
    func store(_ answer: TableClient.BlockAnswer, at index: Int, progress: (Int) -> Void) {
        lock.withLock {
            waiting[index] = answer
            doneInChunk[index / blocksPerChunk] += 1
            pairsAsked += blocks[index].pairCount
            do {
                try writeCompleteChunks()
            } catch {
                if firstFailure == nil { firstFailure = error }
            }
            progress(pairsAsked)
        }
    }

    /// Records a failure; the first one is what the table throws.
    func fail(_ error: any Error) {
        lock.withLock { if firstFailure == nil { firstFailure = error } }
    }

    /// The first failure, if any.
    var failure: (any Error)? { lock.withLock { firstFailure } }

    /// The table (call once every thread is done and none failed).
    var result: TableClient.Table { lock.withLock { table } }

    private func writeCompleteChunks() throws {
        while nextChunk < doneInChunk.count {
            let range = (nextChunk * blocksPerChunk)..<min((nextChunk + 1) * blocksPerChunk, blocks.count)
            guard doneInChunk[nextChunk] == range.count else { return }
            var byOrigin: [Int: [TableClient.Pair]] = [:]
            for index in range {
                guard let answer = waiting[index] else { continue }
                waiting[index] = nil
                table.requests += answer.requests
                for part in answer.parts { take(part, into: &byOrigin) }
            }
            for origin in byOrigin.keys.sorted() {
                try table.pairs.append(byOrigin[origin]!.sorted { $0.destination < $1.destination })
            }
            nextChunk += 1
        }
    }

    private func take(_ part: TableClient.KeptPart, into byOrigin: inout [Int: [TableClient.Pair]]) {
        table.unroutable += part.unroutable
        table.overLimit += part.overLimit
        for pair in part.pairs { byOrigin[Int(pair.origin), default: []].append(pair) }
        for (row, origin) in part.block.origins.enumerated() where table.originSnapMetres[origin] == nil {
            table.originSnapMetres[origin] = part.sourceSnap[row]
        }
        for (column, destination) in part.block.destinations.enumerated()
        where table.destinationSnapMetres[destination] == nil {
            table.destinationSnapMetres[destination] = part.destinationSnap[column]
        }
    }
}
