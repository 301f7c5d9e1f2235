import Foundation

/// A row of `queue_acks`: one consumer has acked one flag (and, once it was superseded, its withdrawal).
struct QueueAckRecord: StoreRecord {
    static let table = "queue_acks"
    static let primaryKey = ["consumer", "flagId"]

    var consumer: String
    var flagId: Int64
    var ackedAt: Date
    var withdrawalAckedAt: Date?

    init(consumer: String, flagId: Int64, ackedAt: Date, withdrawalAckedAt: Date?) {
        self.consumer = consumer; self.flagId = flagId; self.ackedAt = ackedAt; self.withdrawalAckedAt = withdrawalAckedAt
    }

    init(row: StoreRow) throws {
        self.init(consumer: try row.get("consumer"), flagId: try row.get("flagId"), ackedAt: try row.get("ackedAt"),
                  withdrawalAckedAt: row["withdrawalAckedAt"])
    }

    var columns: [(String, StoreValue)] {
        [("consumer", consumer.storeValue), ("flagId", flagId.storeValue), ("ackedAt", ackedAt.storeValue),
         ("withdrawalAckedAt", withdrawalAckedAt.storeValue)]
    }
}
