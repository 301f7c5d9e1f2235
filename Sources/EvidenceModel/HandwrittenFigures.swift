/// Figures filled in by hand into a printed blank (the number's before '/QĐ-UBND', the day after
/// 'ngày'), read again from the blank's own crop under several conditions (issue 22). The page's
/// OCR reads them wrong with confidence ('24' → '84'); one reading of the crop is not better. What
/// the readings are for: confirming a value someone declared when they agree with it, and giving a
/// value without a declaration only when they are unanimous (see `HandwritingVerdict`).
package struct HandwrittenFigures: Codable, Hashable, Sendable {
    /// Where the blank is: between 'Số:' and the symbol's slash, or between 'ngày' and 'tháng'.
    package var blank: DocumentFields.Location
    /// One reading per condition; empty until the extraction has read the crop.
    package var readings: [Reading]
    /// The day's blank only: the typed month and year beside it when the page's OCR read them
    /// unsure ('tháng 0I' at 0.74, '2018' read '2016' at 0.86), to be read again from their own crop.
    package var printed: [PrintedFigures]?
    /// Each figure's outline, left to right, from the crop's ink (`FigureShape`): what settles a 1,
    /// 4 or 7 the readings cannot (nil: not looked at, as for fields extracted before).
    package var shapes: [FigureShape]?
    /// Each figure as the reader of single figures guesses it, left to right, one per outline
    /// (`FigureGuess`; nil: not looked at, as for fields extracted before).
    package var guesses: [FigureGuess]?

    package init(blank: DocumentFields.Location, readings: [Reading] = [], printed: [PrintedFigures]? = nil,
                 shapes: [FigureShape]? = nil, guesses: [FigureGuess]? = nil) {
        self.blank = blank; self.readings = readings; self.printed = printed; self.shapes = shapes; self.guesses = guesses
    }

    /// A typed part of the date read unsure: where it is, and its readings in one line (grey and
    /// Otsu, three sizes), which give it only when all agree, as for typed fill-ins.
    package struct PrintedFigures: Codable, Hashable, Sendable {
        package enum Part: String, Codable, Hashable, Sendable { case month, year }
        package var part: Part
        package var place: DocumentFields.Location
        package var readings: [Reading]

        package init(part: Part, place: DocumentFields.Location, readings: [Reading] = []) {
            self.part = part; self.place = place; self.readings = readings
        }
    }

    /// The crop read once: one ink channel, binarisation and scale, tesseract's digits only.
    package struct Reading: Codable, Hashable, Sendable {
        /// How it was read, for the field's `source`: 'red/otsu/48px'.
        package var condition: String
        /// The figures read (ASCII digits only; empty when nothing was read).
        package var text: String
        /// The least sure figure's confidence (0...1): a reading is as sure as its weakest figure.
        package var confidence: Double
        /// Per figure, the strongest other figure the LSTM considered at that place and its
        /// confidence ('1' behind a '7'), nil where it considered none.
        package var rivals: [Rival?]

        package init(condition: String, text: String, confidence: Double, rivals: [Rival?] = []) {
            self.condition = condition; self.text = text; self.confidence = confidence; self.rivals = rivals
        }
    }

    package struct Rival: Codable, Hashable, Sendable {
        package var figure: String
        package var confidence: Double
        package init(figure: String, confidence: Double) { self.figure = figure; self.confidence = confidence }
    }
}
