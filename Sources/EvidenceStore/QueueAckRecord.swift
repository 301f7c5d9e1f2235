import Foundation
import GRDB

/// A row of `queue_acks`: one consumer has acked one flag (and, once it was superseded, its withdrawal).
struct QueueAckRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "queue_acks"

    var consumer: String
    var flagId: Int64
    var ackedAt: Date
    var withdrawalAckedAt: Date?
}
