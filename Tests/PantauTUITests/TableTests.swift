import PantauCore
import Testing
@testable import PantauTUI

/// Tables keep every figure whole and every row aligned, also when a figure outgrows its planned column.
@Suite struct TableTests {
    let ascii = Appearance(ascii: true, color: false, lang: .id)

    func provinces(width: Int, height: Int) -> [String] {
        var table = TableWidget(
            columns: [TableColumn("Provinsi", width: 0, align: .left), TableColumn("Total", width: 5), TableColumn("Aktif", width: 5)],
            rows: [["Aceh", "5.165", "2.675"], ["Jawa Barat", "11.176", "5.797"]],
            selected: 0, offset: 0, focused: false)
        table.footer = ["Jumlah", "129.758", "67.193"]
        var canvas = Canvas(width: width, height: height)
        table.draw(&canvas, canvas.bounds, appearance: ascii)
        return canvas.lines()
    }

    /// The country's total (129.758 koperasi) in a column planned for five characters: the column grows, the names
    /// give up the room, and the total stands under the figures above it.
    @Test func aTotalWiderThanItsColumnWidensItForEveryRow() {
        #expect(provinces(width: 26, height: 4) == [
            "Provinsi      Total  Aktif",
            "Aceh          5.165  2.675",
            "Jawa Barat   11.176  5.797",
            "Jumlah      129.758 67.193",
        ])
    }
}
