import Dispatch
package import EvidenceModel

/// Parsing throughput for `make bench`: parses the documents round and round for about `seconds`.
package enum ParsingBenchmark {
    /// Documents per second on the calling thread.
    package static func run(documents: [[PageText]], seconds: Double) -> Double {
        guard !documents.isEmpty, seconds > 0 else { return 0 }
        let parser = DocumentParser()
        let start = DispatchTime.now().uptimeNanoseconds
        let budget = UInt64(seconds * 1e9)
        var parsed = 0
        var checksum = 0
        while DispatchTime.now().uptimeNanoseconds - start < budget {
            for document in documents {
                checksum &+= parser.parse(document).references.count
                parsed += 1
            }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // Keeps the optimiser from dropping the work.
        if checksum == Int.min { print(checksum) }
        return Double(parsed) / elapsed
    }
}
