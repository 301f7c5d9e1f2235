import EvidenceModel
import Foundation
import GRDB
import EvidenceStoreTesting
import Testing
@testable import EvidenceStore

@Suite struct ReviewQueryTests {
    /// Two units, two submissions each with two flags (number-mismatch on 2.1.2, draft on 2.3.1).
    static func seeded(_ backend: StoreBackend) throws -> (Store, trabong: [Int64], sonha: [Int64]) {
        let store = try backend.makeStore()
        let trabong = try Sample.recordChecked(store, id: "trabong-2024")
        let sonha = try Sample.recordChecked(store, id: "sonha-2024", unit: Sample.sonha)
        return (store, trabong, sonha)
    }

    @Test(arguments: StoreBackend.allCases) func newestFirstWithFiltersAndDecisions(_ backend: StoreBackend) throws {
        let (store, trabong, sonha) = try Self.seeded(backend)
        let all = try store.review(ReviewQuery())
        #expect(all.items.map(\.flag.id) == (trabong + sonha).reversed())
        #expect(all.nextAfter == nil)
        #expect(all.countsByReason == [.numberMismatch: 2, .draft: 2])

        // A unit sees only its own units' flags.
        let own = try store.review(ReviewQuery(units: [Sample.sonha.code]))
        #expect(own.items.map(\.flag.id) == sonha.reversed())
        #expect(own.items.allSatisfy { $0.flag.unit == Sample.sonha })
        #expect(try store.review(ReviewQuery(units: [])).items.isEmpty)

        #expect(try store.review(ReviewQuery(reason: .draft)).items.map(\.flag.id) == [sonha[1], trabong[1]])
        #expect(try store.review(ReviewQuery(indicator: "2.1.2")).items.map(\.flag.id) == [sonha[0], trabong[0]])
        let draftOnly = try store.review(ReviewQuery(reason: .draft))
        // Counts per reason ignore the reason filter (they are the tabs), not the others.
        #expect(draftOnly.countsByReason == [.numberMismatch: 2, .draft: 2])
        #expect(try store.review(ReviewQuery(unit: Sample.trabong.code)).countsByReason == [.numberMismatch: 1, .draft: 1])

        let dismissed = try store.decide(flagId: trabong[0], by: "a", action: .dismiss, comment: "đúng")
        try store.decide(flagId: sonha[1], by: "a", action: .dismiss, comment: "x")
        try store.decide(flagId: sonha[1], by: "b", action: .confirm)  // revised: now confirmed
        #expect(try store.review(ReviewQuery(state: .open)).items.map(\.flag.id) == [sonha[0], trabong[1]])
        #expect(try store.review(ReviewQuery(state: .dismissed)).items.map(\.flag.id) == [trabong[0]])
        #expect(try store.review(ReviewQuery(state: .confirmed)).items.map(\.flag.id) == [sonha[1]])
        let item = try #require(try store.review(ReviewQuery(state: .dismissed)).items.first)
        #expect(item.decision == dismissed)
    }

    @Test(arguments: StoreBackend.allCases) func keysetPagingVisitsEveryFlagOnceInBothOrders(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        var ids: [Int64] = []
        for n in 0..<7 {
            let unit = n % 2 == 0 ? Sample.trabong : Sample.sonha
            ids += try Sample.recordChecked(store, id: "s\(n)", unit: unit)
        }
        for order in [ReviewQuery.Order.newest, .unit] {
            var seen: [QueuedFlag] = [], after: Int64? = nil
            repeat {
                let page = try store.review(ReviewQuery(order: order, after: after, limit: 3))
                #expect(page.items.count <= 3)
                seen += page.items.map(\.flag)
                after = page.nextAfter
            } while after != nil
            #expect(Set(seen.map(\.id)) == Set(ids) && seen.count == ids.count)
            switch order {
            case .newest: #expect(seen.map(\.id) == ids.sorted(by: >))
            case .unit:
                let expected = seen.sorted { ($0.unit.code, $0.id) < ($1.unit.code, $1.id) }
                #expect(seen == expected)
                #expect(seen.first?.unit == Sample.sonha)  // H-SONHA sorts before H-TRABONG
            }
        }
    }

    /// 100,000 flags over 500 units: every page query runs on an index, without sorting. (SQLite:
    /// the check reads its EXPLAIN QUERY PLAN; PostgreSQL plans with its own statistics.)
    @Test func pageQueriesUseAnIndexAtOneHundredThousandFlags() throws {
        let store = try Store.inMemory()
        try store.writer.write { db in
            for n in 0..<500 {
                try db.execute(sql: """
                    INSERT INTO submissions (id, unitCode, unitName, unitLevel, framework, periodFrom, periodTo, manifest,
                        manifestSHA256, revision, state, createdAt, updatedAt)
                    VALUES (?, ?, 'Unit', 'commune', 'f', '2024-01-01', '2024-12-31', '{}', 'x', 1, 'checked', ?, ?)
                    """, arguments: ["s\(n)", String(format: "X%03d", n), Date(), Date()])
            }
            let reasons = ["number-mismatch", "draft", "needs-review", "unsigned", "date-mismatch"]
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)
                INSERT INTO flags (submissionId, revision, claimIndex, indicator, score, reason, message, createdAt)
                SELECT 's' || (i % 500), 1, i % 20, '2.' || (i % 7), 2,
                       CASE i % 5 WHEN 0 THEN ? WHEN 1 THEN ? WHEN 2 THEN ? WHEN 3 THEN ? ELSE ? END, 'm', ?
                FROM n
                """, arguments: StatementArguments(reasons + [Date()]))
        }
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM flags WHERE unitCode IS NOT NULL") } == 100_000)

        let queries = [
            ReviewQuery(),
            ReviewQuery(after: 50_000),
            ReviewQuery(unit: "X042"),
            ReviewQuery(units: ["X007"], state: .open),
            ReviewQuery(reason: .needsReview, after: 60_000),
            ReviewQuery(indicator: "2.3"),
            ReviewQuery(order: .unit, after: 70_000),
        ]
        for query in queries {
            let plan = try store.reviewPlan(query)
            let flagsStep = plan.filter { $0.contains(" f ") || $0.hasSuffix(" f") }
            #expect(flagsStep.allSatisfy { $0.contains("USING") }, "\(query): \(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(query): \(plan)")
        }
        // And the pages are right.
        let page = try store.review(ReviewQuery(reason: .needsReview, after: 60_000, limit: 50))
        #expect(page.items.count == 50 && page.items.allSatisfy { $0.flag.flag.reason == .needsReview && $0.flag.id < 60_000 })
        #expect(page.items.map(\.flag.id) == page.items.map(\.flag.id).sorted(by: >))
        #expect(page.countsByReason[.needsReview] == 20_000)
        let byUnit = try store.review(ReviewQuery(order: .unit, after: 70_000, limit: 10))
        let unitOfAfter = try #require(try store.flag(id: 70_000)).unit.code
        #expect(byUnit.items.allSatisfy { ($0.flag.unit.code, $0.flag.id) > (unitOfAfter, 70_000) })
    }
}
