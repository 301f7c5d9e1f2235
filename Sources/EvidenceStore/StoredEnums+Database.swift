import EvidenceModel
import GRDB

// The enums the store keeps in a column, stored as their raw values (the codes the migrations and
// readers already use): queries say `Columns.state == DocumentState.parsed` or interpolate the case
// into an SQL literal, so no state, reason, action or role is spelled by hand in SQL. Raw values
// already written are the same text, so no migration is needed. The EvidenceModel types are
// qualified because the conformance is declared here, outside their module.
extension DocumentState: DatabaseValueConvertible {}
extension SubmissionState: DatabaseValueConvertible {}
extension DecisionAction: DatabaseValueConvertible {}
extension UserRole: DatabaseValueConvertible {}
extension EvidenceModel.FlagReason: GRDB.DatabaseValueConvertible {}
