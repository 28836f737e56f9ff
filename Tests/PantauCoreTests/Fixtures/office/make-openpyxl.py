"""Workbooks as some libraries write them: openpyxl saves formulas without the value they compute (no cached value),
as do other writers that never run a spreadsheet engine. Run by make.sh; needs `pip install openpyxl`."""
import sys
from openpyxl import Workbook

HEADER = ["No", "NIK", "Nama Koperasi", "Kecamatan", "Jenis Koperasi", "Jumlah Anggota", "Tahun Berdiri", "Status Aktif 2023"]
ROWS = [
    ["6408121000000001", "Koperasi Unit Desa Bahari VII Singa Geweh", "Sangatta Selatan", "Serba Usaha", 42, 2021, "Tidak Aktif"],
    ["6408121000000003", "Koperasi Pemasaran Maju Bersama Sangkima", "Sangatta Selatan", "Pemasaran", 55, 2011, "Tidak Aktif"],
    ["6408121000000005", "Koperasi Simpan Pinjam Setia Kawan Sangatta Selatan", "Sangatta Selatan", "Simpan Pinjam", 25, 2020, "Tidak Aktif"],
]


def office_sheet(members_of_second_row=None):
    """Title rows 1-3 merged across the table, row 4 empty, the header on row 5, data on rows 6-8, a TOTAL row on 9."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    for row, title in enumerate(["DATA KOPERASI KABUPATEN KUTAI TIMUR TAHUN 2023", "DINAS KOPERASI DAN UKM", "Bidang Kelembagaan"], start=1):
        sheet.cell(row=row, column=1, value=title)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(HEADER))
    sheet.append([])
    sheet.append(HEADER)
    for number, values in enumerate(ROWS, start=1):
        sheet.append([number] + values)
    if members_of_second_row is not None:
        sheet["F7"] = members_of_second_row
    sheet.append(["TOTAL", None, None, None, None, "=SUM(F6:F8)", None, '=COUNTIF(H6:H8,"Aktif")'])
    sheet.merge_cells("A9:E9")
    return book


def header_too_low():
    """A sheet whose header stands on row 32, below the 30 rows Pantau looks through."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Laporan"
    sheet["A1"] = "LAPORAN TAHUNAN DINAS KOPERASI DAN UKM KABUPATEN KUTAI TIMUR 2023"
    for row in range(2, 32):
        sheet.cell(row=row, column=1, value=f"Catatan {row - 1}: uraian kegiatan bidang kelembagaan")
    sheet.append(HEADER)
    sheet.append([1] + ROWS[0])
    return book


def same_nik_on_two_sheets():
    """One sheet per kecamatan, without a Kecamatan column, and one koperasi listed on two of them."""
    book = Workbook()
    header = ["No", "NIK", "Nama Koperasi", "Jenis Koperasi", "Status Aktif 2023"]
    for index, (name, rows) in enumerate([
        ("Muara Bengkal", [["6408031000000002", "Koperasi Unit Desa Bumi Lestari Senambah", "Serba Usaha", "Aktif"]]),
        ("Sangatta Utara", [["6408041000000001", "Koperasi Karyawan Berkah Teluk Lingga", "Konsumen", "Aktif"],
                            ["6408031000000002", "Koperasi Unit Desa Bumi Lestari Senambah", "Serba Usaha", "Aktif"]]),
    ]):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = name
        sheet.append(header)
        for number, values in enumerate(rows, start=1):
            sheet.append([number] + values)
    return book


def main(folder):
    office_sheet().save(f"{folder}/koperasi-openpyxl.xlsx")
    # A data cell that is a formula: openpyxl stores "=50+5" with no value, so a reader has nothing to import.
    office_sheet(members_of_second_row="=50+5").save(f"{folder}/koperasi-uncached-formula.xlsx")
    header_too_low().save(f"{folder}/koperasi-header-too-low.xlsx")
    same_nik_on_two_sheets().save(f"{folder}/koperasi-same-nik-two-sheets.xlsx")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
