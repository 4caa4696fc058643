"""Writes the import test corpus: files agencies could really send, bad ones (each with one known
problem) and messy but valid ones. Run from the repository root to regenerate:

    python tests/import_corpus/make_corpus.py

The expected messages and totals are in tests/test_import_corpus.py.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
PROGRAM_HEADER = "kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah;pagu_rp;realisasi_rp"
GOOD_PROGRAM = (
    "PKH-01;Program Keluarga Harapan;Kementerian Sosial;APBN;2025;Fakir Miskin;Kutai Kartanegara;1.000.000;900.000"
)


def program(*rows: str, header: str = PROGRAM_HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


BAD_CSV = {
    "program_missing_column.csv": program(
        "PKH-01;Program Keluarga Harapan;Kementerian Sosial;APBN;2025;Fakir Miskin;Kukar",
        header="kode_program;nama_program;penyelenggara;sumber_dana;tahun;kategori_ppks;wilayah",
    ),
    "program_unknown_region.csv": program(GOOD_PROGRAM.replace("Kutai Kartanegara", "Kutai Kartanegra")),
    "program_unknown_bps_code.csv": program(GOOD_PROGRAM.replace("Kutai Kartanegara", "6499")),
    "program_unknown_source.csv": program(GOOD_PROGRAM.replace(";APBN;", ";APBD III;")),
    "program_unknown_ppks.csv": program(GOOD_PROGRAM.replace("Fakir Miskin", "Fakir Mskin")),
    "program_text_amount.csv": program(GOOD_PROGRAM.replace("1.000.000;", "satu juta;")),
    "program_negative_amount.csv": program(GOOD_PROGRAM.replace("1.000.000;", "-1.000.000;")),
    "program_year_out_of_range.csv": program(GOOD_PROGRAM.replace(";2025;", ";2040;")),
    "program_year_not_a_year.csv": program(GOOD_PROGRAM.replace(";2025;", ";dua ribu;")),
    "program_end_before_start.csv": program(
        GOOD_PROGRAM + ";01/06/2025;01/03/2025", header=PROGRAM_HEADER + ";tanggal_mulai;tanggal_selesai"
    ),
    "program_bad_date.csv": program(GOOD_PROGRAM + ";31/02/2025", header=PROGRAM_HEADER + ";tanggal_mulai"),
    "program_duplicate_key.csv": program(GOOD_PROGRAM, GOOD_PROGRAM.replace("1.000.000;", "2.000.000;")),
    "program_inconsistent_rows.csv": program(
        GOOD_PROGRAM, GOOD_PROGRAM.replace("Kutai Kartanegara", "Samarinda").replace("Harapan", "Harapan Baru")
    ),
    "program_bad_status.csv": program(GOOD_PROGRAM + ";jalan", header=PROGRAM_HEADER + ";status"),
    "program_required_blank.csv": program(GOOD_PROGRAM.replace("Program Keluarga Harapan", "")),
    "program_fraction_of_people.csv": program(GOOD_PROGRAM + ";12,5", header=PROGRAM_HEADER + ";target_penerima"),
    "penerima_nik_too_short.csv": "nik,kode_program,tahun,wilayah\n640206410790001,PKH-01,2025,64.02.06.1001\n",
    "penerima_nik_not_digits.csv": "nik,kode_program,tahun,wilayah\n64O2064107900001,PKH-01,2025,64.02.06.1001\n",
    "penerima_no_nik_column.csv": "kode_program,tahun,wilayah\nPKH-01,2025,64.02.06.1001\n",
    "penerima_bad_decile.csv": "nik,kode_program,tahun,wilayah,desil\n6402064107900001,PKH-01,2025,64.02.06.1001,11\n",
    "penerima_duplicate.csv": (
        "nik,kode_program,tahun,wilayah\n6402064107900001,PKH-01,2025,64.02.06.1001\n"
        "6402064107900001,PKH-01,2025,64.02.06.1001\n"
    ),
    "ppks_lintas_category.csv": "tahun;wilayah;kategori_ppks;jumlah\n2025;Samarinda;Lintas PPKS;10\n",
    "ppks_ambiguous_region.csv": "tahun;wilayah;kategori_ppks;jumlah\n2025;Tanjung Harapan;Fakir Miskin;10\n",
    "mitra_operating_region_not_kabkota.csv": 'nama;wilayah_operasi\nPT Contoh Energi;"Kutai Timur; Tenggarong"\n',
    "mitra_bad_yes_no.csv": "nama;anggota_forum\nPT Contoh Energi;mungkin\n",
    "indikator_bad_direction.csv": (
        "kode_indikator;nama_indikator;tahun;periode;wilayah;arah\nSPM-1;Persentase X;2025;Tahunan;Kaltim;atas\n"
    ),
    "empty.csv": "",
    "only_header.csv": PROGRAM_HEADER + "\n",
    "no_header.csv": "Laporan triwulan\nsemua baik\n",
}


def _xlsx(rows: list[list], sheet: str = "program") -> bytes:
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in rows:
        worksheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _bomb() -> bytes:
    """A small .xlsx whose parts unpack to 64 MB: the kind of file that exhausts a server's memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        real = zipfile.ZipFile(io.BytesIO(_xlsx([["kode_program", "tahun"], ["A", 2025]])))
        for item in real.infolist():
            archive.writestr(item.filename, real.read(item.filename))
        archive.writestr("xl/media/padding.bin", b"\0" * (64 * 1024 * 1024))
    return buffer.getvalue()


BAD_BINARY = {
    "program_really_excel.csv": lambda: _xlsx([PROGRAM_HEADER.split(";"), GOOD_PROGRAM.split(";")]),
    "program_really_text.xlsx": lambda: program(GOOD_PROGRAM).encode(),
    "program_old_format.xls": lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048,
    "program_zip_bomb.xlsx": _bomb,
}


def good_files() -> dict[str, bytes]:
    # Semicolons, decimal commas, money words, Indonesian dates, a BOM, English and messy headers.
    semicolon = (
        "\ufeffKode Program ; Nama Program;Implementer;Funding Source;Tahun;Kategori PPKS;Wilayah;Pagu (Rp);"
        "Realisasi (Rp);Target Penerima;Realisasi Penerima;Tanggal Mulai\n"
        "RLH-01;Bedah Rumah;Dinas Sosial Provinsi Kalimantan Timur;APBD Prov;2025;FM;Kab. Kutai Timur;"
        "1.234.567,50;1.000.000,25;10;9;1 Maret 2025\n"
        "RLH-01;Bedah Rumah;Dinas Sosial Provinsi Kalimantan Timur;CSR;2025;FM;Kab. Kutai Timur;Rp1,2 M;"
        "Rp 1.100.000.000;10;9;1 Maret 2025\n"
        ";;;;;;;;;;;\n"
        "ATENSI-02;Asistensi Rehabilitasi Sosial;Kementerian Sosial;APBN;2025;Lintas PPKS;6403;250 juta;"
        "1,5 juta;100;80;01/04/2025\n"
    ).encode("utf-8")
    # Windows-1252 with characters outside ASCII, company-name variants of one partner.
    windows = (
        "nama;sektor;jenis;wilayah_operasi;anggota_forum\r\n"
        'PT. Sinar Énergi Mahakam Tbk;Migas;Swasta;"Kukar; Balikpapan";ya\r\n'
        "Yayasan Ora\u2019 Etam;Lainnya;Lainnya;Samarinda;tidak\r\n"
    ).encode("cp1252")
    # Title rows above the header, blank rows, Excel dates and numbers, an Excel serial date.
    titled = _xlsx(
        [
            ["Laporan Program Sosial Kabupaten Paser"],
            ["Tahun Anggaran 2025"],
            [],
            [
                "kode_program",
                "nama_program",
                "penyelenggara",
                "sumber_dana",
                "tahun",
                "kategori_ppks",
                "wilayah",
                "pagu_rp",
                "realisasi_rp",
                "tanggal_mulai",
                "tanggal_selesai",
            ],
            [
                "PSR-01",
                "Santunan Disabilitas",
                "Dinas Sosial Kabupaten Paser",
                "APBD II",
                2025,
                9,
                "Kecamatan Tanah Grogot",
                150_000_000,
                120_000_000,
                dt.datetime(2025, 2, 1),
                45_838,
            ],
            [],
            [
                "PSR-02",
                "Permakanan Lansia",
                "Dinas Sosial Kabupaten Paser",
                "APBD Kabupaten/Kota",
                2025,
                "Lanjut Usia Terlantar",
                "64.01",
                "75.000.000",
                None,
                "2025-01-15",
                "31/12/2025",
            ],
        ]
    )
    english = (
        b" YEAR ,Region, PPKS_Category ,COUNT,unit,Data Source\n"
        b"2025,Samarinda,Anak Terlantar,120,jiwa,Pendataan Dinsos 2025\n"
        b"2025,Palaran,AT,30,jiwa,Pendataan Dinsos 2025\n"
        b"2025,Bontang,24,4.500,KK,DTSEN Januari 2026\n"
    )
    beneficiaries = (
        b"nik,kode_program,tahun,wilayah,nilai_bantuan_rp,desil,kategori_ppks\n"
        b"6402064107900001,PKH-01,2025,64.02.06.1001,2.400.000,1,Fakir Miskin\n"
        b"6402060202850002,PKH-01,2025,64.02.06.1001,2.400.000,2,Fakir Miskin\n"
        b"6301010101800003,PKH-01,2025,64.02.06.1001,2.400.000,3,Fakir Miskin\n"
        b"6472010101800004,PKH-01,2025,64.02.06.1001,2.400.000,2,Fakir Miskin\n"
    )
    return {
        "program_semicolon_decimal_comma.csv": semicolon,
        "mitra_windows1252.csv": windows,
        "program_title_rows_excel_dates.xlsx": titled,
        "ppks_english_headers.csv": english,
        "penerima_with_warnings.csv": beneficiaries,
    }


def main() -> None:
    (HERE / "bad").mkdir(exist_ok=True)
    (HERE / "good").mkdir(exist_ok=True)
    for name, text in BAD_CSV.items():
        (HERE / "bad" / name).write_bytes(text.encode("utf-8"))
    for name, make in BAD_BINARY.items():
        (HERE / "bad" / name).write_bytes(make())
    for name, content in good_files().items():
        (HERE / "good" / name).write_bytes(content)


if __name__ == "__main__":
    main()
