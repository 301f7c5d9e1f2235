import EvidenceModel
import EvidenceStore

/// The API's OpenAPI 3 description, served at `/api/openapi.yaml`. Kept in the binary so the
/// document served is always the one the routes were built with; `make test` runs schemathesis
/// against a live server with it (scripts/api_schema_test.sh).
enum OpenAPIDocument {
    /// The codes of an enum as a YAML flow list, in declaration order. Every enum the document lists
    /// that has a Swift type is written from its `allCases`: a new reason or state is documented
    /// the day it is added (OpenAPIEnumTests reads the served document back and checks).
    private static func codes<Code: CaseIterable & RawRepresentable>(_: Code.Type) -> String where Code.RawValue == String {
        "[" + Code.allCases.map(\.rawValue).joined(separator: ", ") + "]"
    }

    static let yaml = #"""
openapi: 3.0.3
info:
  title: evidenced API
  version: "1.0"
  description: |
    Submissions of Vietnamese government units' self-assessments, their verdicts, and the flag
    queue of the scoring system. Authenticate with `Authorization: Bearer TOKEN`
    (`evidenced users token NAME`). A unit sees only its own submissions; another unit's ids
    answer 404. Errors are `{"error": code, "message": text}`.
servers:
  - url: /
security:
  - bearer: []
paths:
  /healthz:
    get:
      summary: Store and inbox reachable
      security: []
      responses:
        "200": { description: Healthy, content: { application/json: { schema: { $ref: "#/components/schemas/Health" } } } }
        "503": { description: Unhealthy, content: { application/json: { schema: { $ref: "#/components/schemas/Health" } } } }
  /api/v1/submissions:
    get:
      summary: Submissions the caller may see, most recently changed first
      responses:
        "200":
          description: The submissions
          content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Submission" } } } }
        "401": { $ref: "#/components/responses/Error" }
    post:
      summary: Upload a submission (manifest and files, multipart)
      description: |
        The `manifest` part is a submission.json; every other part is a file whose file name is
        a path the manifest names. The upload is handed to the daemon; poll the location.
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              required: [manifest]
              properties:
                manifest: { type: string, description: "submission.json" }
                file: { type: array, items: { type: string, format: binary } }
      responses:
        "202":
          description: Accepted; the daemon takes it from the inbox
          content: { application/json: { schema: { $ref: "#/components/schemas/UploadAccepted" } } }
        "400": { $ref: "#/components/responses/Error" }
        "401": { $ref: "#/components/responses/Error" }
        "403": { $ref: "#/components/responses/Error" }
        "409": { $ref: "#/components/responses/Error" }
        "413": { $ref: "#/components/responses/Error" }
        "415": { $ref: "#/components/responses/Error" }
        "422": { $ref: "#/components/responses/Error" }
  /api/v1/submissions/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string } }
    get:
      summary: One submission with the reading's progress
      responses:
        "200": { description: The submission, content: { application/json: { schema: { $ref: "#/components/schemas/Submission" } } } }
        "401": { $ref: "#/components/responses/Error" }
        "404": { $ref: "#/components/responses/Error" }
  /api/v1/submissions/{id}/results:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string } }
    get:
      summary: Every claim with its verdict and flags
      responses:
        "200": { description: The results, content: { application/json: { schema: { $ref: "#/components/schemas/Results" } } } }
        "401": { $ref: "#/components/responses/Error" }
        "404": { $ref: "#/components/responses/Error" }
  /api/v1/flags:
    get:
      summary: Current flags the caller may see, in id order
      parameters:
        - { name: submission, in: query, schema: { type: string } }
        - { name: reason, in: query, schema: { $ref: "#/components/schemas/Reason" } }
        - { name: after, in: query, schema: { type: integer, format: int64 } }
        - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 1000 } }
      responses:
        "200": { description: The flags, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Flag" } } } } }
        "400": { $ref: "#/components/responses/Error" }
        "401": { $ref: "#/components/responses/Error" }
        "404": { $ref: "#/components/responses/Error" }
  /api/v1/flags/{id}/decisions:
    parameters:
      - { name: id, in: path, required: true, schema: { type: integer, format: int64 } }
    get:
      summary: The flag's decision trail, oldest first (the last is current)
      responses:
        "200": { description: The trail, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Decision" } } } } }
        "401": { $ref: "#/components/responses/Error" }
        "404": { $ref: "#/components/responses/Error" }
    post:
      summary: Decide on a flag (appraisers); a revision appends to the trail
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [action]
              properties:
                action: { type: string, enum: \#(codes(DecisionAction.self)) }
                supportedScore: { type: number }
                answer: { type: string }
                comment: { type: string, description: required to dismiss }
      responses:
        "201": { description: Recorded, content: { application/json: { schema: { $ref: "#/components/schemas/Decision" } } } }
        "400": { $ref: "#/components/responses/Error" }
        "401": { $ref: "#/components/responses/Error" }
        "403": { $ref: "#/components/responses/Error" }
        "404": { $ref: "#/components/responses/Error" }
        "422": { $ref: "#/components/responses/Error" }
  /api/v1/flags/{id}/region.png:
    parameters:
      - { name: id, in: path, required: true, schema: { type: integer, format: int64 } }
    get:
      summary: The page region the flag is about, upright, with the field's box drawn
      description: >-
        Rendered once and cached. When every render thread is busy and the render queue is full, an
        uncached region is answered 503 at once with Retry-After (seconds) and error "busy".
      responses:
        "200": { description: PNG, content: { image/png: { schema: { type: string, format: binary } } } }
        "401": { $ref: "#/components/responses/Error" }
        "404": { $ref: "#/components/responses/Error" }
        "422": { $ref: "#/components/responses/Error" }
        "503": { $ref: "#/components/responses/Busy" }
  /api/v1/flags/export.csv:
    get:
      summary: Current flags with their decisions as CSV (trail=true for every version)
      parameters:
        - { name: trail, in: query, schema: { type: boolean } }
      responses:
        "200": { description: CSV, content: { text/csv: { schema: { type: string } } } }
        "401": { $ref: "#/components/responses/Error" }
        "403": { $ref: "#/components/responses/Error" }
  /api/v1/queue:
    get:
      summary: Pull the events this consumer has not acked (at least once)
      description: |
        Flag events first (new flags, and withdrawals with supersededAt set of flags already acked),
        then appraisers' decisions, then score events (a unit's accepted total changed by a decision
        or a later check). Ack a flag by its id (`ids`), a decision by its id (`decisions`), a score
        event by its id (`scores`).
      parameters:
        - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 1000 } }
      responses:
        "200":
          description: Deliveries
          content:
            application/json:
              schema:
                type: array
                items:
                  oneOf: [{ $ref: "#/components/schemas/Flag" }, { $ref: "#/components/schemas/DecisionEvent" }, { $ref: "#/components/schemas/ScoreEvent" }]
        "401": { $ref: "#/components/responses/Error" }
        "403": { $ref: "#/components/responses/Error" }
  /api/v1/queue/ack:
    post:
      summary: Ack what was handled
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                ids: { type: array, items: { type: integer, format: int64 } }
                decisions: { type: array, items: { type: integer, format: int64 } }
                scores: { type: array, items: { type: integer, format: int64 } }
      responses:
        "200": { description: Deliveries ended, content: { application/json: { schema: { type: object, required: [acked], properties: { acked: { type: integer } } } } } }
        "400": { $ref: "#/components/responses/Error" }
        "401": { $ref: "#/components/responses/Error" }
        "403": { $ref: "#/components/responses/Error" }
        "422": { $ref: "#/components/responses/Error" }
  /api/v1/scores:
    get:
      summary: A season's claimed and accepted scores, per unit and per claim
      description: |
        Each unit's latest submission of the framework (and period), never a pre-check. The accepted
        score of a claim is the declared score unless a current flag of it is confirmed: then the
        score the appraiser set as supported, or 0 when confirmed without one (the lowest of several
        confirmed flags holds; `decision` is the one that set it). `status` is `pending` while the
        submission is unchecked or a flag of the claim is undecided. An appraiser sees the units and
        frameworks assigned; a unit only its own, and only once the secretariat has published the
        season (before, the list is empty); a unit it may not see answers 404.
      parameters:
        - { name: framework, in: query, required: true, schema: { type: string } }
        - { name: period, in: query, schema: { type: string }, description: "a year (2024) or FROM/TO (2024-01-01/2024-12-31)" }
        - { name: unit, in: query, schema: { type: string }, description: "one unit's code" }
      responses:
        "200": { description: The scores, content: { application/json: { schema: { $ref: "#/components/schemas/Scores" } } } }
        "400": { $ref: "#/components/responses/Error" }
        "401": { $ref: "#/components/responses/Error" }
        "403": { $ref: "#/components/responses/Error" }
        "404": { $ref: "#/components/responses/Error" }
  /api/v1/scores.csv:
    get:
      summary: The same as CSV (UTF-8 with BOM, one row per claim with its unit's totals, cells defused against formulas)
      parameters:
        - { name: framework, in: query, required: true, schema: { type: string } }
        - { name: period, in: query, schema: { type: string } }
        - { name: unit, in: query, schema: { type: string } }
      responses:
        "200": { description: CSV, content: { text/csv: { schema: { type: string } } } }
        "400": { $ref: "#/components/responses/Error" }
        "401": { $ref: "#/components/responses/Error" }
        "403": { $ref: "#/components/responses/Error" }
        "404": { $ref: "#/components/responses/Error" }
  /api/v1/documents/{sha256}:
    parameters:
      - { name: sha256, in: path, required: true, schema: { type: string } }
    get:
      summary: A document's parsed fields
      responses:
        "200": { description: The document, content: { application/json: { schema: { $ref: "#/components/schemas/Document" } } } }
        "401": { $ref: "#/components/responses/Error" }
        "404": { $ref: "#/components/responses/Error" }
  /api/v1/documents/{sha256}/pages/{page}.png:
    parameters:
      - { name: sha256, in: path, required: true, schema: { type: string } }
      - { name: page, in: path, required: true, schema: { type: integer, minimum: 1 } }
      - name: width
        in: query
        description: >-
          Pixels wide, snapped to the next of 400, 800, 1200, 1600 and 2400 up (2400 past it): 200 gives
          400, 1000 gives 1200, 2000 gives 2400. Default 1200.
        schema: { type: integer, default: 1200 }
    get:
      summary: One page, upright as OCR read it
      description: >-
        Rendered once per snapped width and cached. When every render thread is busy and the render
        queue is full, an uncached page is answered 503 at once with Retry-After (seconds) and error "busy".
      responses:
        "200": { description: PNG, content: { image/png: { schema: { type: string, format: binary } } } }
        "400": { $ref: "#/components/responses/Error" }
        "401": { $ref: "#/components/responses/Error" }
        "404": { $ref: "#/components/responses/Error" }
        "422": { $ref: "#/components/responses/Error" }
        "503": { $ref: "#/components/responses/Busy" }
  /api/v1/documents/{sha256}/original:
    parameters:
      - { name: sha256, in: path, required: true, schema: { type: string } }
    get:
      summary: The file as uploaded
      responses:
        "200":
          description: The file, with its sniffed type (an Office or text file as octet-stream)
          content:
            application/pdf: { schema: { type: string, format: binary } }
            image/jpeg: { schema: { type: string, format: binary } }
            image/png: { schema: { type: string, format: binary } }
            image/tiff: { schema: { type: string, format: binary } }
            application/octet-stream: { schema: { type: string, format: binary } }
        "401": { $ref: "#/components/responses/Error" }
        "404": { $ref: "#/components/responses/Error" }
  /api/v1/documents/{sha256}/pages:
    parameters:
      - { name: sha256, in: path, required: true, schema: { type: string } }
    get:
      summary: A document's text, page by page
      responses:
        "200": { description: The pages, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Page" } } } } }
        "401": { $ref: "#/components/responses/Error" }
        "404": { $ref: "#/components/responses/Error" }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
  responses:
    Error:
      description: A refusal
      content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } }
    Busy:
      description: Every image render thread is busy and the queue in front of them is full (error "busy"); try again after Retry-After
      headers:
        Retry-After: { description: Seconds to wait before trying again, schema: { type: integer, minimum: 1 } }
      content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } }
  schemas:
    Error:
      type: object
      required: [error, message]
      properties: { error: { type: string }, message: { type: string } }
    Health:
      type: object
      required: [status, store, inbox]
      properties: { status: { type: string }, store: { type: string }, inbox: { type: string } }
    Unit:
      type: object
      required: [code, name, level]
      properties:
        code: { type: string }
        name: { type: string }
        level: { type: string, enum: \#(codes(Submission.Level.self)) }
        bodies: { type: array, items: { type: string } }
    Period:
      type: object
      required: [from, to]
      properties: { from: { type: string, format: date }, to: { type: string, format: date } }
    Progress:
      type: object
      required: [files, filesDone, pagesRead]
      properties: { files: { type: integer }, filesDone: { type: integer }, pagesRead: { type: integer } }
    Submission:
      type: object
      required: [id, unit, framework, period, state, revision, precheck, claims, flaggedClaims, flags, needsReview, updatedAt]
      properties:
        id: { type: string }
        unit: { $ref: "#/components/schemas/Unit" }
        framework: { type: string }
        period: { $ref: "#/components/schemas/Period" }
        state: { type: string, enum: \#(codes(SubmissionState.self)) }
        revision: { type: integer }
        precheck: { type: boolean }
        claims: { type: integer }
        flaggedClaims: { type: integer }
        flags: { type: integer }
        needsReview: { type: integer }
        failureReason: { type: string }
        updatedAt: { type: string, format: date-time }
        checkedAt: { type: string, format: date-time }
        progress: { $ref: "#/components/schemas/Progress" }
        files: { type: object, additionalProperties: { type: string }, description: "path → the document's sha256 (one submission)" }
    UploadAccepted:
      type: object
      required: [submission, upload, status, location]
      properties: { submission: { type: string }, upload: { type: string }, status: { type: string }, location: { type: string } }
    Results:
      type: object
      required: [submission, state, revision, claims]
      properties:
        submission: { type: string }
        state: { type: string }
        revision: { type: integer }
        claims:
          type: array
          items:
            type: object
            required: [index, indicator, score, verdict, flags]
            properties:
              index: { type: integer }
              indicator: { type: string }
              score: { type: number }
              verdict: { type: string, enum: \#(codes(ClaimVerdict.self)) }
              flags: { type: array, items: { $ref: "#/components/schemas/Flag" } }
    Reason:
      type: string
      enum: \#(codes(FlagReason.self))
    Box:
      type: object
      required: [x, y, width, height]
      properties: { x: { type: number }, y: { type: number }, width: { type: number }, height: { type: number } }
    Decision:
      type: object
      required: [id, flagId, decidedBy, decidedAt, action]
      properties:
        id: { type: integer, format: int64 }
        flagId: { type: integer, format: int64 }
        decidedBy: { type: string }
        decidedAt: { type: string, format: date-time }
        action: { type: string, enum: \#(codes(DecisionAction.self)) }
        supportedScore: { type: number, nullable: true }
        answer: { type: string, nullable: true }
        comment: { type: string, nullable: true }
    DecisionEvent:
      type: object
      required: [event, ack, flagId, decision, flag]
      properties:
        event: { type: string, enum: [decision] }
        ack: { type: string, description: "d<decision id>" }
        flagId: { type: integer, format: int64 }
        decision: { $ref: "#/components/schemas/Decision" }
        flag: { $ref: "#/components/schemas/Flag" }
    ScoreEvent:
      type: object
      required: [event, ack, score]
      properties:
        event: { type: string, enum: [score] }
        ack: { type: string, description: "s<score event id>" }
        score:
          type: object
          required: [id, submission, unitCode, framework, period, claimed, accepted, decisionId, createdAt]
          properties:
            id: { type: integer, format: int64 }
            submission: { type: string }
            unitCode: { type: string }
            framework: { type: string }
            period: { $ref: "#/components/schemas/Period" }
            claimed: { type: number }
            accepted: { type: number }
            decisionId: { type: integer, format: int64, nullable: true }
            createdAt: { type: string, format: date-time }
    Scores:
      type: object
      required: [framework, units]
      properties:
        framework: { type: string }
        period: { type: string, nullable: true }
        units:
          type: array
          items:
            type: object
            required: [unit, submission, period, state, claimed, accepted, claims]
            properties:
              unit: { $ref: "#/components/schemas/Unit" }
              submission: { type: string }
              period: { $ref: "#/components/schemas/Period" }
              state: { type: string, enum: \#(codes(SubmissionState.self)) }
              claimed: { type: number }
              accepted: { type: number }
              claims:
                type: array
                items:
                  type: object
                  required: [index, indicator, claimed, accepted, status, openFlags, flagId, reason, decision]
                  properties:
                    index: { type: integer }
                    indicator: { type: string }
                    claimed: { type: number }
                    accepted: { type: number }
                    status: { type: string, enum: \#(codes(ScoreStatus.self)) }
                    openFlags: { type: integer }
                    flagId: { type: integer, format: int64, nullable: true }
                    reason: { type: string, nullable: true, description: "the confirmed flag's reason (a Reason)" }
                    decision: { type: object, nullable: true, description: "the Decision that set the accepted score" }
    Flag:
      type: object
      required: [event, ack, id, submission, revision, unit, claimIndex, indicator, score, reason, message, createdAt]
      properties:
        event: { type: string, enum: [flag] }
        ack: { type: string }
        id: { type: integer, format: int64 }
        submission: { type: string }
        revision: { type: integer }
        unit: { type: string }
        claimIndex: { type: integer }
        indicator: { type: string }
        score: { type: number }
        reason: { $ref: "#/components/schemas/Reason" }
        message: { type: string }
        file: { type: string }
        page: { type: integer }
        expected: { type: string }
        found: { type: string }
        field: { type: string }
        box: { $ref: "#/components/schemas/Box" }
        createdAt: { type: string, format: date-time }
        supersededAt: { type: string, format: date-time }
    Document:
      type: object
      required: [sha256, state]
      properties:
        sha256: { type: string }
        state: { type: string, enum: \#(codes(DocumentState.self)) }
        format: { type: string }
        pages: { type: integer }
        fields: { type: object }
        failure: { type: object }
    Page:
      type: object
      required: [page, source, text]
      properties:
        page: { type: integer }
        source: { type: string }
        confidence: { type: number }
        rotation: { type: integer }
        text: { type: string }
"""#
}
