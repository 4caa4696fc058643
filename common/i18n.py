"""The one translation table: every interface string, in Bahasa Indonesia (default) and English.

Keys are stable identifiers; `t(key, lang, **values)` fills `{placeholders}`. A test checks that
every key has both languages and the same placeholders in each.
"""

from __future__ import annotations

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

STRINGS: dict[str, dict[str, str]] = {
    # --- vocabulary of the data: translated values (see `value`) -----------------------------
    "source_APBN": {"id": "APBN", "en": "APBN"},
    "source_APBD_PROV": {"id": "APBD Provinsi", "en": "APBD Provinsi"},
    "source_APBD_KABKOTA": {"id": "APBD Kabupaten/Kota", "en": "APBD Kabupaten/Kota"},
    "source_DANA_DESA": {"id": "Dana Desa", "en": "Dana Desa (village fund)"},
    "source_CSR": {"id": "CSR/TJSL", "en": "CSR/TJSL"},
    "source_PPM": {"id": "PPM", "en": "PPM"},
    "source_LAINNYA": {"id": "Lainnya", "en": "Other"},
    "status_usulan": {"id": "usulan", "en": "proposed"},
    "status_komitmen": {"id": "komitmen", "en": "committed"},
    "status_berjalan": {"id": "berjalan", "en": "running"},
    "status_selesai": {"id": "selesai", "en": "completed"},
    "status_batal": {"id": "batal", "en": "cancelled"},
    "unit_jiwa": {"id": "jiwa", "en": "persons"},
    "unit_KK": {"id": "KK", "en": "households"},
    "unit_unit": {"id": "unit", "en": "units"},
    "unit_lembaga": {"id": "lembaga", "en": "institutions"},
    "assistance_Tunai": {"id": "Tunai", "en": "Cash"},
    "assistance_Sembako/Pangan": {"id": "Sembako/Pangan", "en": "Food"},
    "assistance_Jaminan Sosial": {"id": "Jaminan Sosial", "en": "Social insurance"},
    "assistance_Rehabilitasi Sosial": {"id": "Rehabilitasi Sosial", "en": "Social rehabilitation"},
    "assistance_Rumah (RTLH)": {"id": "Rumah (RTLH)", "en": "Housing (RTLH)"},
    "assistance_Pemberdayaan/Pelatihan": {"id": "Pemberdayaan/Pelatihan", "en": "Empowerment/training"},
    "assistance_Sarana": {"id": "Sarana", "en": "Facilities"},
    "assistance_Lainnya": {"id": "Lainnya", "en": "Other"},
    "assistance_none": {"id": "Tidak diisi", "en": "Not given"},
    # --- the 26 PPKS categories (Permensos 8/2012), by number -------------------------------
    "ppks_1": {"id": "Anak Balita Terlantar", "en": "Neglected infants (under five)"},
    "ppks_2": {"id": "Anak Terlantar", "en": "Neglected children"},
    "ppks_3": {"id": "Anak yang Berhadapan dengan Hukum", "en": "Children in conflict with the law"},
    "ppks_4": {"id": "Anak Jalanan", "en": "Street children"},
    "ppks_5": {"id": "Anak dengan Kedisabilitasan", "en": "Children with disabilities"},
    "ppks_6": {
        "id": "Anak yang Menjadi Korban Tindak Kekerasan atau Diperlakukan Salah",
        "en": "Child victims of violence or mistreatment",
    },
    "ppks_7": {"id": "Anak yang Memerlukan Perlindungan Khusus", "en": "Children in need of special protection"},
    "ppks_8": {"id": "Lanjut Usia Terlantar", "en": "Neglected older persons"},
    "ppks_9": {"id": "Penyandang Disabilitas", "en": "Persons with disabilities"},
    "ppks_10": {"id": "Tuna Susila", "en": "Sex workers"},
    "ppks_11": {"id": "Gelandangan", "en": "Homeless persons"},
    "ppks_12": {"id": "Pengemis", "en": "Beggars"},
    "ppks_13": {"id": "Pemulung", "en": "Scavengers"},
    "ppks_14": {"id": "Kelompok Minoritas", "en": "Minority groups"},
    "ppks_15": {"id": "Bekas Warga Binaan Lembaga Pemasyarakatan", "en": "Former prison inmates"},
    "ppks_16": {"id": "Orang dengan HIV/AIDS", "en": "People living with HIV/AIDS"},
    "ppks_17": {"id": "Korban Penyalahgunaan NAPZA", "en": "Victims of drug abuse (NAPZA)"},
    "ppks_18": {"id": "Korban Trafficking (Perdagangan Orang)", "en": "Victims of human trafficking"},
    "ppks_19": {"id": "Korban Tindak Kekerasan", "en": "Victims of violence"},
    "ppks_20": {"id": "Pekerja Migran Bermasalah Sosial", "en": "Migrant workers with social problems"},
    "ppks_21": {"id": "Korban Bencana Alam", "en": "Victims of natural disasters"},
    "ppks_22": {"id": "Korban Bencana Sosial", "en": "Victims of social disasters"},
    "ppks_23": {"id": "Perempuan Rawan Sosial Ekonomi", "en": "Socially and economically vulnerable women"},
    "ppks_24": {"id": "Fakir Miskin", "en": "The poor (fakir miskin)"},
    "ppks_25": {"id": "Keluarga Bermasalah Sosial Psikologis", "en": "Families with social and psychological problems"},
    "ppks_26": {"id": "Komunitas Adat Terpencil", "en": "Remote indigenous communities"},
    # --- SPM Bidang Sosial indicators (Permensos 9/2018), by code: value('indicator', code) ------
    "indicator_SPM-PROV-1": {
        "id": "Persentase penyandang disabilitas telantar yang terpenuhi kebutuhan dasarnya di dalam panti",
        "en": "Share of neglected persons with disabilities whose basic needs are met in residential care",
    },
    "indicator_SPM-PROV-2": {
        "id": "Persentase anak telantar yang terpenuhi kebutuhan dasarnya di dalam panti",
        "en": "Share of neglected children whose basic needs are met in residential care",
    },
    "indicator_SPM-PROV-3": {
        "id": "Persentase lanjut usia telantar yang terpenuhi kebutuhan dasarnya di dalam panti",
        "en": "Share of neglected older persons whose basic needs are met in residential care",
    },
    "indicator_SPM-PROV-4": {
        "id": "Persentase gelandangan dan pengemis yang terpenuhi kebutuhan dasarnya di dalam panti",
        "en": "Share of homeless persons and beggars whose basic needs are met in residential care",
    },
    "indicator_SPM-PROV-5": {
        "id": "Persentase korban bencana provinsi yang menerima perlindungan dan jaminan sosial pada saat dan setelah tanggap darurat",
        "en": "Share of provincial disaster victims who receive protection and social security during and after the emergency response",
    },
    "indicator_SPM-KAB-1": {
        "id": "Persentase penyandang disabilitas telantar yang terpenuhi kebutuhan dasarnya di luar panti",
        "en": "Share of neglected persons with disabilities whose basic needs are met outside residential care",
    },
    "indicator_SPM-KAB-2": {
        "id": "Persentase anak telantar yang terpenuhi kebutuhan dasarnya di luar panti",
        "en": "Share of neglected children whose basic needs are met outside residential care",
    },
    "indicator_SPM-KAB-3": {
        "id": "Persentase lanjut usia telantar yang terpenuhi kebutuhan dasarnya di luar panti",
        "en": "Share of neglected older persons whose basic needs are met outside residential care",
    },
    "indicator_SPM-KAB-4": {
        "id": "Persentase gelandangan dan pengemis yang terpenuhi kebutuhan dasarnya di luar panti",
        "en": "Share of homeless persons and beggars whose basic needs are met outside residential care",
    },
    "indicator_SPM-KAB-5": {
        "id": "Persentase korban bencana kabupaten/kota yang menerima perlindungan dan jaminan sosial pada saat dan setelah tanggap darurat",
        "en": "Share of regency/city disaster victims who receive protection and social security during and after the emergency response",
    },
    "ppks_lintas": {"id": "Lintas PPKS", "en": "Cross-category"},
    "ppks_other": {"id": "Kategori lain", "en": "Other categories"},
    "kind_Provinsi": {"id": "Provinsi", "en": "Province"},
    "kind_Kabupaten": {"id": "Kabupaten", "en": "Regency"},
    "kind_Kota": {"id": "Kota", "en": "City"},
    "kind_Kecamatan": {"id": "Kecamatan", "en": "Subdistrict"},
    "kind_Desa": {"id": "Desa", "en": "Village"},
    "kind_Kelurahan": {"id": "Kelurahan", "en": "Urban village"},
    "level_provinsi": {"id": "provinsi", "en": "province"},
    "level_kabupaten_kota": {"id": "kabupaten/kota", "en": "regency/city"},
    "level_kecamatan": {"id": "kecamatan", "en": "subdistrict"},
    "level_desa_kelurahan": {"id": "desa/kelurahan", "en": "village"},
    "period_Tahunan": {"id": "Tahunan", "en": "Annual"},
    "period_Semester 1": {"id": "Semester 1", "en": "Half-year 1"},
    "period_Semester 2": {"id": "Semester 2", "en": "Half-year 2"},
    "period_Triwulan 1": {"id": "Triwulan 1", "en": "Quarter 1"},
    "period_Triwulan 2": {"id": "Triwulan 2", "en": "Quarter 2"},
    "period_Triwulan 3": {"id": "Triwulan 3", "en": "Quarter 3"},
    "period_Triwulan 4": {"id": "Triwulan 4", "en": "Quarter 4"},
    # --- app frame ------------------------------------------------------------------------
    "nav_monitor": {"id": "Pantau", "en": "Monitor"},
    "nav_analyse": {"id": "Analisis", "en": "Analyse"},
    "nav_reference": {"id": "Referensi", "en": "Reference"},
    "nav_forum": {"id": "Forum CSR", "en": "CSR forum"},
    "page_partners": {"id": "Mitra", "en": "Partners"},
    "partners_title": {"id": "Mitra CSR {year}", "en": "CSR partners {year}"},
    "partners_registry": {"id": "Daftar mitra", "en": "Partner registry"},
    "partners_search": {"id": "Cari mitra (nama atau sektor)", "en": "Search partners (name or sector)"},
    "partners_no_match": {
        "id": "Tidak ada mitra yang cocok dengan '{text}'. Ubah atau kosongkan pencarian.",
        "en": "No partner matches '{text}'. Change or clear the search.",
    },
    "partners_empty": {
        "id": "Belum ada mitra di basis data. Impor berkas mitra (halaman Kelola data, jenis Mitra CSR).",
        "en": "No partner is in the store yet. Import the partner file (Data page, kind CSR partners).",
    },
    "partners_col_name": {"id": "Mitra", "en": "Partner"},
    "partners_col_sector": {"id": "Sektor", "en": "Sector"},
    "partners_col_kind": {"id": "Jenis", "en": "Type"},
    "partners_col_regions": {"id": "Wilayah operasi", "en": "Operating kab/kota"},
    "partners_col_forum": {"id": "Anggota forum", "en": "Forum member"},
    "partners_col_variants": {"id": "Varian nama", "en": "Name variants"},
    "partners_col_spent_csr": {"id": "Realisasi CSR/TJSL (Rp)", "en": "Spent, CSR/TJSL (Rp)"},
    "partners_col_spent_ppm": {"id": "Realisasi PPM (Rp)", "en": "Spent, PPM (Rp)"},
    "partners_col_budget_csr": {"id": "Pagu CSR/TJSL (Rp)", "en": "Planned, CSR/TJSL (Rp)"},
    "partners_col_budget_ppm": {"id": "Pagu PPM (Rp)", "en": "Planned, PPM (Rp)"},
    "partners_registry_note": {
        "id": "Rupiah, tahun {year}: pagu, komitmen dan realisasi dana CSR/TJSL dan PPM program mitra (bagian "
        "sumber lain dari program yang dibiayai bersama tidak dihitung). Varian nama: nama berbeda yang "
        "dipakai berkas program untuk mitra ini ('PT. X', 'X, PT' dan 'PT X Tbk' dibaca sebagai satu mitra).",
        "en": "Rupiah, {year}: planned, committed and spent CSR/TJSL and PPM money of the partners' programs "
        "(other sources' shares of co-financed programs are left out). Name variants: the different names "
        "program files used for this partner ('PT. X', 'X, PT' and 'PT X Tbk' read as one partner).",
    },
    "partners_top": {"id": "Mitra dengan realisasi terbesar, {year}", "en": "Partners by amount spent, {year}"},
    "partners_top_note": {
        "id": "Rupiah, realisasi per sumber dana (CSR/TJSL, PPM); {count} mitra teratas.",
        "en": "Rupiah, spent per funding source (CSR/TJSL, PPM); the top {count} partners.",
    },
    "partners_years": {"id": "Per tahun dan sumber", "en": "Per year and source"},
    "partners_profile": {"id": "Profil mitra", "en": "Partner profile"},
    "partners_pick": {"id": "Pilih mitra", "en": "Choose a partner"},
    "partners_profile_empty": {
        "id": "{name} tidak punya program dengan dana CSR/TJSL atau PPM pada {year}. Pilih tahun lain di filter.",
        "en": "{name} has no program with CSR/TJSL or PPM money in {year}. Choose another year in the filters.",
    },
    "partners_m_budget": {"id": "Pagu", "en": "Planned"},
    "partners_m_spent": {"id": "Realisasi", "en": "Spent"},
    "partners_m_realisation": {"id": "Realisasi anggaran", "en": "Budget realisation"},
    "partners_m_realisation_help": {
        "id": "Realisasi ÷ pagu dana CSR/TJSL dan PPM mitra ini, tahun terpilih.",
        "en": "Spent ÷ planned of this partner's CSR/TJSL and PPM money, the selected year.",
    },
    "partners_m_jiwa": {"id": "Penerima tercapai (jiwa)", "en": "People reached (persons)"},
    "partners_map_inside": {"id": "Realisasi di wilayah operasi", "en": "Spent inside its operating regions"},
    "partners_map_outside": {"id": "Realisasi di luar wilayah operasi", "en": "Spent outside its operating regions"},
    "partners_map_idle": {"id": "Wilayah operasi tanpa realisasi", "en": "Operating region without spending"},
    "partners_map_hover_spent": {
        "id": "realisasi {spent} ({programs} program)",
        "en": "spent {spent} ({programs} programs)",
    },
    "partners_map_none": {"id": "Tanpa program mitra ini", "en": "No programs of this partner"},
    "partners_map_hover_idle": {"id": "wilayah operasi, tanpa realisasi", "en": "operating region, no spending"},
    "partners_map_title": {"id": "Tempat program, {year}", "en": "Where its programs are, {year}"},
    "partners_map_note": {
        "id": "Realisasi CSR/TJSL dan PPM per kabupaten/kota (program di kecamatan dan desa ikut kabupaten/kotanya); program seluruh provinsi tidak dipetakan.",
        "en": "CSR/TJSL and PPM spending per kabupaten/kota (programs in a kecamatan or desa count in their kabupaten/kota); province-wide programs are not mapped.",
    },
    "partners_m_kk": {"id": "Penerima tercapai (KK)", "en": "Households reached"},
    "partners_m_people_help": {
        "id": "Dihitung sekali per program dan tempat; jiwa dan KK terpisah, tidak pernah dijumlahkan.",
        "en": "Counted once per program and place; persons and households (KK) apart, never added.",
    },
    "partners_m_reporting": {"id": "Program yang melapor", "en": "Programs reported"},
    "partners_m_reporting_help": {
        "id": "Program mitra ini yang setiap baris alokasinya berisi realisasi ÷ programnya (halaman Evaluasi).",
        "en": "This partner's programs whose every allocation row has a realisation ÷ its programs (Evaluation page).",
    },
    "partners_m_gap": {"id": "Belanja di sel celah", "en": "Spent in gap cells"},
    "partners_m_gap_help": {
        "id": "Realisasi di sel kabupaten/kota × kategori PPKS yang ditandai CELAH tahun ini ÷ seluruh realisasi mitra.",
        "en": "Spending in kab/kota × PPKS category cells flagged as gaps this year ÷ all the partner's spending.",
    },
    "partners_m_inside": {"id": "Belanja di wilayah operasi", "en": "Spent in operating regions"},
    "partners_m_inside_help": {
        "id": "Realisasi di kabupaten/kota operasi mitra ÷ seluruh realisasinya; alokasi tingkat provinsi dihitung terpisah.",
        "en": "Spending in the partner's operating kab/kota ÷ all its spending; province-level allocations count apart.",
    },
    "partners_alignment_note": {
        "id": "Keselarasan dengan kebutuhan, tahun {year}: di sel celah {gaps}; di wilayah operasi {inside}, di "
        "luar {outside}, seluruh provinsi {province} (Rupiah). Sel celah ditandai seperti di halaman Celah "
        "(cakupan < 25 %, kebutuhan ≥ 10) atas data seluruh provinsi, sehingga mitra dan forum melihat angka yang sama.",
        "en": "Alignment with need, {year}: in gap cells {gaps}; inside the operating regions {inside}, outside "
        "{outside}, province-wide {province} (Rupiah). Gap cells are flagged as on the Gaps page (coverage "
        "< 25 %, need ≥ 10) over the whole province's data, so a partner and the forum see the same figures.",
    },
    "partners_no_regions": {"id": "wilayah operasi tidak tercatat", "en": "no operating region recorded"},
    "partners_programs": {"id": "Program mitra", "en": "The partner's programs"},
    "partners_places": {"id": "Tempat", "en": "Places"},
    "partners_categories": {"id": "Kategori PPKS yang dilayani", "en": "PPKS categories served"},
    "partners_profile_note": {
        "id": "Rupiah dan orang dalam satuan program; hanya dana CSR/TJSL dan PPM, tahun {year}.",
        "en": "Rupiah, and people in each program's unit; CSR/TJSL and PPM money only, {year}.",
    },
    "partners_merge_title": {"id": "Gabungkan dua catatan mitra", "en": "Merge two partner records"},
    "partners_merge_kept": {"id": "Mitra yang dipertahankan", "en": "Partner kept"},
    "partners_merge_merged": {"id": "Mitra yang digabungkan ke dalamnya", "en": "Partner merged into it"},
    "partners_merge_button": {"id": "Gabungkan", "en": "Merge"},
    "partners_merge_note": {
        "id": "Program mitra yang digabungkan dipindah ke mitra yang dipertahankan; impor berikutnya dengan namanya "
        "juga. Tercatat di jejak audit dan dapat dibatalkan.",
        "en": "The merged partner's programs move to the partner kept, and so do later imports naming it. "
        "Recorded in the audit trail and undoable.",
    },
    "partners_merge_done": {
        "id": "{merged} digabungkan ke {kept} (penggabungan #{merge_id}).",
        "en": "{merged} merged into {kept} (merge #{merge_id}).",
    },
    "partners_unmerge_pick": {"id": "Penggabungan yang dibatalkan", "en": "Merge to undo"},
    "partners_unmerge_button": {"id": "Batalkan penggabungan", "en": "Undo the merge"},
    "partners_unmerge_done": {
        "id": "Penggabungan #{merge_id} dibatalkan; {programs} program kembali.",
        "en": "Merge #{merge_id} undone; {programs} programs moved back.",
    },
    "partners_merge_label": {"id": "#{merge_id}: {merged} → {kept}", "en": "#{merge_id}: {merged} → {kept}"},
    "partner_unknown": {
        "id": "Mitra #{partner_id} tidak ada di basis data. Pilih mitra dari daftar.",
        "en": "Partner #{partner_id} is not in the store. Choose a partner from the list.",
    },
    "partner_merge_same": {
        "id": "Mitra #{partner_id} tidak dapat digabungkan dengan dirinya sendiri. Pilih dua mitra yang berbeda.",
        "en": "Partner #{partner_id} cannot be merged with itself. Choose two different partners.",
    },
    "partner_already_merged": {
        "id": "{name} sudah digabungkan ke mitra #{into}. Pilih mitra #{into}, atau batalkan penggabungan itu dulu.",
        "en": "{name} is already merged into partner #{into}. Choose partner #{into}, or undo that merge first.",
    },
    "partner_merge_chain": {
        "id": "Mitra lain sudah digabungkan ke {name} (penggabungan {merges}). Gabungkan ke arah sebaliknya, atau "
        "batalkan penggabungan itu dulu.",
        "en": "Other partners are merged into {name} (merge {merges}). Merge the other way round, or undo "
        "those merges first.",
    },
    "partner_merge_users": {
        "id": "Pengguna mitra {users} terikat ke {name}. Pindahkan dulu ke {kept} (python -m data_loaders user "
        'role USERNAME --role mitra --mitra "{kept}", atau halaman Pengguna), lalu gabungkan.',
        "en": "The partner users {users} are bound to {name}. Move them to {kept} first (python -m data_loaders "
        'user role USERNAME --role mitra --mitra "{kept}", or the Users page), then merge.',
    },
    "partner_merge_unknown": {
        "id": "Penggabungan #{merge_id} tidak ada. Pilih penggabungan dari daftar di halaman Mitra (Admin).",
        "en": "Merge #{merge_id} does not exist. Choose a merge from the list on the Partners page (Admin).",
    },
    "partner_merge_undone": {
        "id": "Penggabungan #{merge_id} sudah dibatalkan oleh {by} pada {at}; tidak ada yang diubah.",
        "en": "Merge #{merge_id} was already undone by {by} at {at}; nothing was changed.",
    },
    "page_catalogue": {"id": "Etalase program", "en": "Programme catalogue"},
    "page_planning": {"id": "Rencana tahun depan", "en": "Next year's plan"},
    # --- Etalase Program and planning (issue 13, items 3 and 4) ---
    "catstatus_draf": {"id": "draf", "en": "draft"},
    "catstatus_terbit": {"id": "terbit", "en": "published"},
    "catstatus_ditarik": {"id": "ditarik", "en": "withdrawn"},
    "cat_not_allowed": {
        "id": "Peran {role} tidak boleh melakukan ini di Etalase Program. Masuk sebagai Analis Dinsos atau Admin "
        "(item) atau Mitra (adopsi).",
        "en": "The role {role} may not do this in the programme catalogue. Sign in as Dinsos analyst or Admin "
        "(items) or as a partner (adoptions).",
    },
    "cat_unknown_item": {
        "id": "Item #{item} tidak ada di etalase. Pilih item dari daftar.",
        "en": "Item #{item} is not in the catalogue. Choose an item from the list.",
    },
    "cat_unknown_adoption": {
        "id": "Adopsi #{adoption} tidak ada. Pilih adopsi dari daftar.",
        "en": "Adoption #{adoption} does not exist. Choose an adoption from the list.",
    },
    "cat_bad_quantity": {
        "id": "Volume {quantity} tidak sah: isi angka lebih dari 0.",
        "en": "Quantity {quantity} is not valid: enter a number above 0.",
    },
    "cat_bad_unit": {
        "id": "Satuan '{unit}' tidak dikenal; gunakan salah satu: {units}.",
        "en": "Unit '{unit}' is unknown; use one of: {units}.",
    },
    "cat_bad_unit_cost": {
        "id": "Biaya satuan {cost} tidak sah: isi biaya per satuan lebih dari Rp0.",
        "en": "Unit cost {cost} is not valid: enter a cost per unit above Rp0.",
    },
    "cat_basis_hand": {
        "id": "{quantity} {unit} × {cost} (biaya satuan diisi oleh {actor}) = {amount}",
        "en": "{quantity} {unit} × {cost} (unit cost entered by {actor}) = {amount}",
    },
    "cat_no_title": {
        "id": "Judul item kosong: tulis judul singkat, mis. 'RTLH di Mahakam Ulu'.",
        "en": "The item's title is empty: write a short title, e.g. 'RTLH in Mahakam Ulu'.",
    },
    "cat_unknown_region": {
        "id": "Wilayah {region} tidak dikenal; pilih wilayah dari daftar.",
        "en": "Region {region} is unknown; choose a region from the list.",
    },
    "cat_edit_withdrawn": {
        "id": "Item #{item} sudah ditarik dan tidak dapat diubah; buat item baru bila perlu.",
        "en": "Item #{item} is withdrawn and cannot be changed; create a new item if needed.",
    },
    "cat_below_funded": {
        "id": "Nilai baru item #{item} ({amount}) di bawah yang sudah diadopsi mitra ({funded}). Naikkan volume "
        "atau biaya satuan, atau minta mitra membatalkan adopsinya dulu.",
        "en": "The new amount of item #{item} ({amount}) is below what partners have already adopted ({funded}). "
        "Raise the quantity or unit cost, or ask the partners to cancel their adoption first.",
    },
    "cat_status_terbit": {
        "id": "Item #{item} berstatus {status}; hanya draf yang dapat diterbitkan.",
        "en": "Item #{item} is {status}; only a draft can be published.",
    },
    "cat_status_ditarik": {
        "id": "Item #{item} berstatus {status}; hanya item terbit yang dapat ditarik.",
        "en": "Item #{item} is {status}; only a published item can be withdrawn.",
    },
    "cat_withdraw_adopted": {
        "id": "Item #{item} tidak dapat ditarik: adopsi aktif sebesar {funded}. Adopsi itu harus dibatalkan dulu.",
        "en": "Item #{item} cannot be withdrawn: active adoptions of {funded}. Those adoptions must be cancelled first.",
    },
    "cat_other_partner": {
        "id": "Mitra hanya dapat mengadopsi untuk perusahaannya sendiri (bukan mitra #{partner}).",
        "en": "A partner can only adopt for its own company (not partner #{partner}).",
    },
    "cat_no_partner": {
        "id": "Pilih mitra yang mengadopsi item ini.",
        "en": "Choose the partner that adopts this item.",
    },
    "cat_bad_amount": {
        "id": "Nilai adopsi {amount} tidak sah: isi nilai lebih dari Rp0.",
        "en": "Adoption amount {amount} is not valid: enter an amount above Rp0.",
    },
    "cat_adopt_unpublished": {
        "id": "Item #{item} berstatus {status}; hanya item terbit yang dapat diadopsi.",
        "en": "Item #{item} is {status}; only a published item can be adopted.",
    },
    "cat_unknown_partner": {
        "id": "Mitra #{partner} tidak ada (atau sudah digabung ke mitra lain); pilih mitra dari daftar.",
        "en": "Partner #{partner} does not exist (or was merged into another); choose a partner from the list.",
    },
    "cat_fully_funded": {
        "id": "Item #{item} sudah terdanai penuh ({funded} dari {total}); pilih item lain yang masih terbuka.",
        "en": "Item #{item} is fully funded ({funded} of {total}); choose another item that is still open.",
    },
    "cat_over_funded": {
        "id": "Item ini sudah terdanai {funded} dari {total}; sisa {open}. Adopsi {amount} melebihi sisa: "
        "isi paling banyak {open}.",
        "en": "This item is already funded {funded} of {total}; {open} remains. An adoption of {amount} exceeds "
        "it: enter at most {open}.",
    },
    "cat_not_yours": {
        "id": "Adopsi #{adoption} milik mitra lain; hanya mitra pengadopsi atau Admin yang dapat mengubahnya.",
        "en": "Adoption #{adoption} belongs to another partner; only the adopting partner or an Admin can change it.",
    },
    "cat_bad_step": {
        "id": "Adopsi #{adoption} berstatus {old} dan tidak dapat menjadi {new} (mundur atau melompat). "
        "Langkah yang boleh: {allowed}.",
        "en": "Adoption #{adoption} is {old} and cannot become {new} (backwards or skipped). Allowed next: {allowed}.",
    },
    "cat_link_cancelled": {
        "id": "Adopsi #{adoption} sudah batal; program hanya dapat ditautkan ke adopsi aktif.",
        "en": "Adoption #{adoption} is cancelled; a program can only be linked to an active adoption.",
    },
    "cat_unknown_program": {
        "id": "Program #{program} tidak ada; pilih program dari daftar.",
        "en": "Program #{program} does not exist; choose a program from the list.",
    },
    "cat_link_other_cell": {
        "id": "Program #{program} tidak melayani kategori PPKS dan kabupaten/kota item #{item}; tautkan program yang melaksanakan kebutuhan ini.",
        "en": "Program #{program} does not serve item #{item}'s PPKS category and kabupaten/kota; link the program that carries out this need.",
    },
    "cat_link_other_partner": {
        "id": "Program #{program} bukan program mitra pengadopsi; tautkan program milik mitra itu sendiri.",
        "en": "Program #{program} is not a program of the adopting partner; link one of that partner's own programs.",
    },
    "cat_link_year": {
        "id": "Program #{program} tahun {year}; tautkan program tahun {first} atau {last} (tahun item atau sesudahnya).",
        "en": "Program #{program} is of {year}; link a program of {first} or {last} (the item's year or the next).",
    },
    "cat_basis_need": {
        "id": "Kebutuhan {need} {unit} − tercapai {reached} = {quantity} {unit}",
        "en": "Need {need} {unit} − reached {reached} = {quantity} {unit}",
    },
    "cat_basis_cost_jiwa": {
        "id": " × {cost} (median realisasi per orang tercapai, {assistance}, {years}, {programs} program) = {amount}",
        "en": " × {cost} (median spent per person reached, {assistance}, {years}, {programs} programs) = {amount}",
    },
    "cat_basis_cost_KK": {
        "id": " × {cost} (median realisasi per KK tercapai, {assistance}, {years}, {programs} program) = {amount}",
        "en": " × {cost} (median spent per household reached, {assistance}, {years}, {programs} programs) = {amount}",
    },
    "cat_basis_no_cost": {
        "id": "; biaya satuan: tanpa dasar (tidak ada program {assistance} kategori ini yang melaporkan realisasi "
        "dan penerima dalam {unit}, {years}) — biaya diisi Dinas Sosial",
        "en": "; unit cost: no basis (no {assistance} program of this category reports spending and people reached "
        "in {unit}, {years}) — to be costed by Dinas Sosial",
    },
    "cat_basis_default": {
        "id": "; bentuk bantuan {assistance} adalah bawaan (belum ada program kategori ini dalam data)",
        "en": "; assistance type {assistance} is the default (no program of this category in the data yet)",
    },
    "cat_intro": {
        "id": "Kebutuhan prioritas yang dihitung Dinas Sosial dari celah, untuk diadopsi mitra — utuh atau sebagian. "
        "Yang sudah diadopsi dan yang masih terbuka terlihat oleh semua, agar dua perusahaan tidak mendanai "
        "kebutuhan yang sama.",
        "en": "Priority needs costed by Dinas Sosial from the gaps, for partners to adopt — whole or a share. "
        "What is adopted and what is still open is visible to all, so two companies do not fund the same need.",
    },
    "cat_kpi_items": {"id": "Item terbit", "en": "Published items"},
    "cat_kpi_items_help": {
        "id": "Item etalase berstatus terbit, dalam filter wilayah dan kategori.",
        "en": "Catalogue items that are published, within the region and category filters.",
    },
    "cat_kpi_amount": {"id": "Nilai item", "en": "Items' value"},
    "cat_kpi_amount_help": {
        "id": "Jumlah nilai item terbit (volume × biaya satuan); tiap item sekali.",
        "en": "Total value of the published items (quantity × unit cost); each item once.",
    },
    "cat_kpi_funded": {"id": "Diadopsi", "en": "Adopted"},
    "cat_kpi_funded_help": {
        "id": "Adopsi aktif (semua status kecuali batal), paling banyak nilai itemnya; item yang didanai "
        "beberapa mitra dihitung sekali. Bukan bagian total pendanaan.",
        "en": "Active adoptions (every status except cancelled), at most the item's value; an item funded by "
        "several partners counts once. Never part of the funding totals.",
    },
    "cat_kpi_open": {"id": "Masih terbuka", "en": "Still open"},
    "cat_kpi_open_help": {
        "id": "Nilai item dikurangi yang sudah diadopsi.",
        "en": "The items' value minus what is adopted.",
    },
    "cat_published_heading": {"id": "Item terbit", "en": "Published items"},
    "cat_none_published": {
        "id": "Belum ada item terbit untuk pilihan ini.",
        "en": "No published items for this selection yet.",
    },
    "cat_rule_note": {
        "id": "Adopsi yang ditautkan ke program dihitung lewat angka program yang diimpor (halaman Pendanaan); "
        "nilai adopsi hanya komitmen etalase dan tidak pernah ditambahkan ke total pendanaan.",
        "en": "An adoption linked to a program is counted through that program's imported figures (Funding "
        "page); the adoption's value is a catalogue commitment only and is never added to the funding totals.",
    },
    "cat_tab_drafts": {"id": "Draf dari celah", "en": "Drafts from the gaps"},
    "cat_tab_manage": {"id": "Semua item", "en": "All items"},
    "cat_no_drafts": {
        "id": "Tidak ada sel celah untuk disusun menjadi draf (tahun {year} dan sebelumnya, filter ini).",
        "en": "No gap cells to draft from ({year} and earlier, these filters).",
    },
    "cat_drafts_note": {
        "id": "Satu draf per sel celah (kab/kota × kategori PPKS) tahun {gap_year}, untuk item tahun {year}. "
        "Volume = kebutuhan belum terjangkau; biaya satuan = median realisasi per penerima program kategori "
        "dan bentuk bantuan yang sama; tanpa dasar, biaya diisi Dinas Sosial.",
        "en": "One draft per gap cell (regency/city × PPKS category) of {gap_year}, for items of {year}. "
        "Quantity = unmet need; unit cost = median spent per person reached of programs of the same category "
        "and assistance type; with no basis, Dinas Sosial enters the cost.",
    },
    "cat_pick_draft": {"id": "Draf", "en": "Draft"},
    "cat_create_button": {"id": "Buat item (draf)", "en": "Create item (draft)"},
    "cat_created": {"id": "Item dibuat sebagai draf.", "en": "Item created as a draft."},
    "cat_no_items": {"id": "Etalase masih kosong.", "en": "The catalogue is still empty."},
    "cat_pick_item": {"id": "Item", "en": "Item"},
    "cat_save_button": {"id": "Simpan perubahan", "en": "Save changes"},
    "cat_saved": {"id": "Item disimpan; nilai dihitung ulang.", "en": "Item saved; amount recomputed."},
    "cat_publish_button": {"id": "Terbitkan", "en": "Publish"},
    "cat_published": {"id": "Item diterbitkan.", "en": "Item published."},
    "cat_withdraw_button": {"id": "Tarik", "en": "Withdraw"},
    "cat_withdrawn": {"id": "Item ditarik.", "en": "Item withdrawn."},
    "cat_adopt_heading": {"id": "Adopsi item", "en": "Adopt an item"},
    "cat_none_open": {
        "id": "Tidak ada item terbit yang masih terbuka untuk diadopsi.",
        "en": "No published item is still open for adoption.",
    },
    "cat_adopt_amount": {"id": "Nilai adopsi (Rp)", "en": "Adoption amount (Rp)"},
    "cat_adopt_note": {
        "id": "Bawaan: seluruh sisa {open}; isi lebih kecil untuk mendanai sebagian.",
        "en": "Default: the whole remaining {open}; enter less to fund a share.",
    },
    "cat_adopt_button": {"id": "Adopsi", "en": "Adopt"},
    "cat_adopted": {"id": "Adopsi tercatat sebagai usulan.", "en": "Adoption recorded as proposed."},
    "cat_mine_heading": {"id": "Adopsi saya", "en": "My adoptions"},
    "cat_no_adoptions": {"id": "Belum ada adopsi.", "en": "No adoptions yet."},
    "cat_pick_adoption": {"id": "Adopsi", "en": "Adoption"},
    "cat_move_button": {"id": "Ubah ke {status}", "en": "Move to {status}"},
    "cat_moved": {"id": "Status adopsi diubah.", "en": "Adoption status changed."},
    "cat_pick_program": {"id": "Program pelaksana", "en": "Implementing program"},
    "cat_link_button": {"id": "Tautkan program", "en": "Link program"},
    "cat_linked": {"id": "Program ditautkan.", "en": "Program linked."},
    "cat_no_programs": {
        "id": "Mitra ini belum punya program tahun {year} atau sesudahnya untuk ditautkan; impor programnya dulu.",
        "en": "This partner has no program of {year} or the next year to link yet; import the program first.",
    },
    "cat_col_id": {"id": "No.", "en": "No."},
    "cat_col_year": {"id": "Tahun item", "en": "Item year"},
    "cat_col_title": {"id": "Judul", "en": "Title"},
    "cat_col_quantity": {"id": "Volume", "en": "Quantity"},
    "cat_col_unit": {"id": "Satuan", "en": "Unit"},
    "cat_col_unit_cost": {"id": "Biaya satuan (Rp)", "en": "Unit cost (Rp)"},
    "cat_col_amount": {"id": "Nilai (Rp)", "en": "Value (Rp)"},
    "cat_col_funded": {"id": "Diadopsi (Rp)", "en": "Adopted (Rp)"},
    "cat_col_open": {"id": "Terbuka (Rp)", "en": "Open (Rp)"},
    "cat_col_adopters": {"id": "Pengadopsi", "en": "Adopters"},
    "cat_col_status": {"id": "Status", "en": "Status"},
    "cat_funding_open": {"id": "terbuka", "en": "open"},
    "cat_funding_partial": {"id": "sebagian terdanai", "en": "partly funded"},
    "cat_funding_full": {"id": "terdanai penuh", "en": "fully funded"},
    "cat_download": {"id": "Unduh item (XLSX)", "en": "Download items (XLSX)"},
    "cat_col_in_catalogue": {"id": "Sudah di etalase", "en": "In catalogue"},
    "cat_col_basis": {"id": "Perhitungan", "en": "Arithmetic"},
    "cat_col_adoption": {"id": "Adopsi", "en": "Adoption"},
    "cat_col_item": {"id": "Item", "en": "Item"},
    "cat_col_partner": {"id": "Mitra", "en": "Partner"},
    "cat_col_program": {"id": "Program pelaksana", "en": "Implementing program"},
    "plan_no_need": {
        "id": "Belum ada data PPKS sampai tahun filter; rencana tahun depan diukur terhadap celah tahun terakhir "
        "yang punya data PPKS.",
        "en": "No PPKS figures up to the filter year; next year's plan is measured against the gaps of the latest "
        "year with PPKS figures.",
    },
    "plan_summary": {
        "id": "Untuk {year}: {covered} dari {gaps} celah {base} sudah tertangani usulan program atau adopsi etalase, "
        "{uncovered} belum; {doubles} sel kab/kota × kategori punya 2+ usulan (mungkin tumpang tindih). "
        "Rencana bernilai {money}.",
        "en": "For {year}: {covered} of {gaps} gaps of {base} are covered by a proposed program or a catalogue "
        "adoption, {uncovered} are not; {doubles} regency/city × category cells have 2+ proposals (possible "
        "overlap). Planned value {money}.",
    },
    "plan_rule": {
        "id": "Tahun rencana {year} = tahun terakhir ber-data PPKS sampai tahun filter ({base}) + 1. Celah: sel "
        "CELAH tahun {base} (ambang bawaan halaman Celah), tanpa filter sumber. Usulan: program berstatus "
        "usulan tahun {year}, sumber apa pun.",
        "en": "Plan year {year} = the latest year with PPKS figures up to the filter year ({base}) + 1. Gaps: "
        "cells flagged as gaps in {base} (the Gaps page's default thresholds), without the source filter. "
        "Proposals: programs with status proposed in {year}, any source.",
    },
    "plan_kpi_gaps": {"id": "Celah", "en": "Gaps"},
    "plan_kpi_gaps_help": {
        "id": "Sel kab/kota × kategori PPKS yang berstatus CELAH tahun {base}.",
        "en": "Regency/city × PPKS category cells flagged as gaps in {base}.",
    },
    "plan_kpi_covered": {"id": "Tertangani", "en": "Covered"},
    "plan_kpi_covered_help": {
        "id": "Celah dengan usulan program atau adopsi etalase aktif untuk {year}.",
        "en": "Gaps with a proposed program or an active catalogue adoption for {year}.",
    },
    "plan_kpi_uncovered": {"id": "Belum tertangani", "en": "Uncovered"},
    "plan_kpi_uncovered_help": {
        "id": "Celah tanpa usulan program maupun adopsi untuk {year}.",
        "en": "Gaps with neither a proposed program nor an adoption for {year}.",
    },
    "plan_kpi_double": {"id": "2+ usulan", "en": "2+ proposals"},
    "plan_kpi_double_help": {
        "id": "Sel kab/kota × kategori dengan dua usulan program atau lebih untuk {year}: periksa tumpang tindih.",
        "en": "Regency/city × category cells with two or more proposed programs for {year}: check for overlap.",
    },
    "plan_state_covered": {"id": "celah, tertangani", "en": "gap, covered"},
    "plan_state_uncovered": {"id": "celah, belum tertangani", "en": "gap, uncovered"},
    "plan_state_no_gap": {"id": "bukan celah", "en": "no gap"},
    "plan_no_cells": {
        "id": "Tidak ada celah {base} maupun usulan atau adopsi {year} untuk pilihan ini.",
        "en": "No gaps in {base} and no proposals or adoptions for {year} in this selection.",
    },
    "plan_cells_heading": {"id": "Celah terhadap rencana", "en": "Gaps against the plan"},
    "plan_col_state": {"id": "Keadaan", "en": "State"},
    "plan_col_unmet": {"id": "Kebutuhan belum terjangkau", "en": "Unmet need"},
    "plan_col_proposals": {"id": "Usulan program", "en": "Proposed programs"},
    "plan_col_proposal_budget": {"id": "Pagu usulan (Rp)", "en": "Proposed budget (Rp)"},
    "plan_col_adoptions": {"id": "Adopsi etalase", "en": "Catalogue adoptions"},
    "plan_col_adopted": {"id": "Nilai adopsi (Rp)", "en": "Adopted value (Rp)"},
    "plan_col_double": {"id": "Tumpang tindih?", "en": "Overlap?"},
    "plan_double_mark": {"id": "! 2+ usulan", "en": "! 2+ proposals"},
    "plan_money_note": {
        "id": "Nilai adopsi yang ditautkan ke usulan program di sel yang sama tidak dihitung lagi: uangnya sudah "
        "ada di pagu usulan.",
        "en": "Adopted value linked to a proposed program of the same cell is not counted again: that money is "
        "already in the proposed budget.",
    },
    "plan_proposals_heading": {"id": "Usulan program {year}", "en": "Proposed programs {year}"},
    "plan_no_proposals": {"id": "Belum ada usulan program untuk {year}.", "en": "No proposed programs for {year} yet."},
    "plan_adoptions_heading": {"id": "Adopsi etalase {year}", "en": "Catalogue adoptions {year}"},
    "plan_no_adoptions": {
        "id": "Belum ada adopsi etalase untuk {year}.",
        "en": "No catalogue adoptions for {year} yet.",
    },
    "plan_col_counted": {"id": "Nilai dihitung", "en": "Value counted"},
    "plan_linked": {"id": "lewat usulan program", "en": "through the proposed program"},
    "page_awards": {"id": "Apresiasi & penghargaan", "en": "Appreciation & awards"},
    "page_overview": {"id": "Ringkasan", "en": "Overview"},
    "page_reference": {"id": "Data referensi", "en": "Reference data"},
    "language": {"id": "Bahasa / Language", "en": "Bahasa / Language"},
    "sample_banner": {
        "id": "Data contoh — bukan data resmi. Angka program, PPKS dan penerima adalah data sintetis; "
        "kode wilayah, penduduk dan kemiskinan adalah data BPS/Kemendagri.",
        "en": "Sample data — not official figures. Program, PPKS and beneficiary figures are synthetic; "
        "region codes, population and poverty are BPS/Kemendagri data.",
    },
    "building_demo": {
        "id": "Basis data masih kosong: menyiapkan data contoh…",
        "en": "The store is empty: preparing the sample data set…",
    },
    # --- filters --------------------------------------------------------------------------
    "filters": {"id": "Filter", "en": "Filters"},
    "filter_year": {"id": "Tahun", "en": "Year"},
    "filter_region": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "filter_source": {"id": "Sumber dana", "en": "Funding source"},
    "filter_ppks": {"id": "Kategori PPKS", "en": "PPKS category"},
    "all_regions": {"id": "Seluruh Kalimantan Timur", "en": "All of East Kalimantan"},
    "all_sources": {"id": "Semua sumber dana", "en": "All funding sources"},
    "all_ppks": {"id": "Semua kategori", "en": "All categories"},
    "lintas_ppks": {"id": "Lintas PPKS", "en": "Cross-category"},
    "filters_link_hint": {
        "id": "Filter tersimpan di alamat halaman: salin tautan untuk membagikan tampilan ini.",
        "en": "Filters are kept in the page address: copy the link to share this view.",
    },
    # --- sources and dates ----------------------------------------------------------------
    "source_line": {"id": "Sumber: {source}, per {date}.", "en": "Source: {source}, as of {date}."},
    "source_sample": {"id": "data contoh (sintetis)", "en": "sample data (synthetic)"},
    "source_imports": {"id": "impor {files}", "en": "imports {files}"},
    "as_of": {"id": "per {date}", "en": "as of {date}"},
    # --- overview -------------------------------------------------------------------------
    "overview_title": {"id": "Ringkasan {year}", "en": "Overview {year}"},
    "kpi_budget": {"id": "Pagu", "en": "Planned"},
    "kpi_budget_help": {
        "id": "Anggaran yang direncanakan (pagu) untuk program pada filter ini. Perubahan: dibanding {prev}.",
        "en": "Planned budget of the programs in this view. Change: against {prev}.",
    },
    "kpi_spent": {"id": "Realisasi", "en": "Spent"},
    "kpi_spent_help": {
        "id": "Anggaran yang sudah dibelanjakan (realisasi). Perubahan: dibanding {prev}.",
        "en": "Amount spent so far. Change: against {prev}.",
    },
    "kpi_realisation": {"id": "Realisasi anggaran", "en": "Budget realisation"},
    "kpi_realisation_help": {"id": "Realisasi ÷ pagu.", "en": "Spent ÷ planned."},
    "kpi_programs": {"id": "Program", "en": "Programs"},
    "kpi_programs_help": {
        "id": "Jumlah program; program di beberapa tempat atau dengan beberapa sumber dihitung sekali.",
        "en": "Number of programs; a program in several places or with several sources counts once.",
    },
    "kpi_reached": {"id": "Penerima tercapai", "en": "People reached"},
    "kpi_reached_help": {
        "id": "Penerima (jiwa atau KK) yang sudah menerima bantuan; program dengan satuan unit atau lembaga "
        "tidak dihitung.",
        "en": "Beneficiaries (persons or households) reached; programs counted in units or institutions are left out.",
    },
    "kpi_target_share": {"id": "Target penerima tercapai", "en": "Beneficiary target reached"},
    "kpi_target_share_help": {
        "id": "Penerima tercapai ÷ target penerima (jiwa/KK).",
        "en": "People reached ÷ people targeted (persons/households).",
    },
    "kpi_ppks": {"id": "PPKS", "en": "PPKS (people in need)"},
    "kpi_ppks_help": {
        "id": "Pemerlu Pelayanan Kesejahteraan Sosial (jiwa) pada tahun dan wilayah ini. Sumber dana tidak "
        "berlaku untuk kebutuhan.",
        "en": "People in need of social-welfare services in this year and region. Funding source does not "
        "apply to need.",
    },
    "kpi_coverage": {"id": "Cakupan", "en": "Coverage"},
    "kpi_coverage_help": {
        "id": "Penerima tercapai ÷ PPKS, dalam satuan yang sama (jiwa, atau KK bila PPKS hanya dalam KK), hanya "
        "dari program kategori PPKS yang punya data kebutuhan.",
        "en": "People reached ÷ PPKS, in the same unit (persons, or households where PPKS is only in households), "
        "counting only programs of a PPKS category with need recorded.",
    },
    "note_units": {
        "id": "Jiwa dan KK dihitung terpisah dan tidak dijumlahkan; program bersatuan unit atau lembaga tidak "
        "dihitung sebagai orang.",
        "en": "Persons and households (KK) are counted apart and never added; programs counted in units "
        "or institutions count no people.",
    },
    "note_coverage_jiwa": {
        "id": "Cakupan = penerima jiwa dari program kategori PPKS yang punya data kebutuhan di kabupaten/kota yang sama ÷ PPKS jiwa; penerima KK tidak dibandingkan dengan PPKS jiwa.",
        "en": "Coverage = persons reached by programs of a PPKS category with need recorded in the same regency/city ÷ PPKS persons; households reached are not compared with persons.",
    },
    "note_coverage_KK": {
        "id": "Cakupan = penerima KK dari program kategori PPKS yang punya data kebutuhan di kabupaten/kota yang sama ÷ PPKS KK.",
        "en": "Coverage = households reached by programs of a PPKS category with need recorded in the same regency/city ÷ PPKS households.",
    },
    "note_need_levels": {"id": "PPKS dari data tingkat {levels}.", "en": "PPKS from {levels}-level figures."},
    "note_need_set_aside": {
        "id": "PPKS {count} dari baris tingkat lain tidak dijumlahkan, karena wilayah yang sama sudah dihitung "
        "pada satu tingkat.",
        "en": "PPKS of {count} in rows of another level are not added, as the same area is already counted at "
        "one level.",
    },
    "committed_note": {
        "id": "Komitmen hanya ada untuk sumber yang berjanji lebih dulu (CSR/TJSL, PPM); sumber lain: –. Program berdana bersama dihitung pada tiap sumbernya, sekali dalam jumlah program.",
        "en": "Commitments exist only for the sources that pledge (CSR/TJSL, PPM); other sources: –. A co-financed program counts under each of its sources, and once in the program total.",
    },
    "vs_prev_year": {"id": "vs {year}", "en": "vs {year}"},
    "chart_by_source_title": {
        "id": "{top} menanggung {share} pagu {year}",
        "en": "{top} carries {share} of the {year} budget",
    },
    "chart_by_region_title": {
        "id": "Pagu terbesar di {top}: {amount}",
        "en": "Largest budget in {top}: {amount}",
    },
    "axis_amount": {"id": "Jumlah (Rp)", "en": "Amount (Rp)"},
    "axis_year": {"id": "Tahun", "en": "Year"},
    "axis_share": {"id": "Pangsa CSR/TJSL + PPM (%)", "en": "CSR/TJSL + PPM share (%)"},
    "axis_region": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "axis_kecamatan": {"id": "Kecamatan", "en": "Subdistrict"},
    "whole_region": {"id": "(seluruh wilayah)", "en": "(region as a whole)"},
    "of_budget": {"id": "dari", "en": "of"},
    "series_budget": {"id": "Pagu", "en": "Planned"},
    "series_spent": {"id": "Realisasi", "en": "Spent"},
    "hover_budget": {"id": "Pagu", "en": "Planned"},
    "hover_spent": {"id": "Realisasi", "en": "Spent"},
    "hover_programs": {"id": "Program", "en": "Programs"},
    "no_programs": {
        "id": "Tidak ada program untuk {what} pada filter ini.",
        "en": "There are no programs for {what} in this view.",
    },
    "no_data_year": {
        "id": "Belum ada data program maupun PPKS untuk tahun {year} dengan filter ini.",
        "en": "There is no program or PPKS data for {year} in this view.",
    },
    "show_numbers": {"id": "Lihat angka", "en": "Show figures"},
    "col_source": {"id": "Sumber dana", "en": "Funding source"},
    "col_budget": {"id": "Pagu (Rp)", "en": "Planned (Rp)"},
    "col_committed": {"id": "Komitmen CSR/PPM (Rp)", "en": "Committed, CSR/PPM (Rp)"},
    "col_spent": {"id": "Realisasi (Rp)", "en": "Spent (Rp)"},
    "col_realisation": {"id": "Realisasi (%)", "en": "Realisation (%)"},
    "col_programs": {"id": "Program", "en": "Programs"},
    "col_region": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "view_summary": {"id": "{region} · {sources} · {ppks}", "en": "{region} · {sources} · {ppks}"},
    # --- region resolver ------------------------------------------------------------------
    "region_empty": {
        "id": "Wilayah kosong. Isi nama atau kode wilayah.",
        "en": "The region is empty. Enter a region name or code.",
    },
    "region_bad_kemendagri": {
        "id": "Kode Kemendagri '{code}' tidak ada di Kalimantan Timur. Periksa kode pada daftar wilayah "
        "(Kepmendagri 2025).",
        "en": "Kemendagri code '{code}' does not exist in East Kalimantan. Check the code against the region "
        "list (Kepmendagri 2025).",
    },
    "region_bad_bps": {
        "id": "Kode BPS '{code}' bukan kabupaten/kota di Kalimantan Timur. Kode BPS kabupaten/kota Kaltim: {codes}.",
        "en": "BPS code '{code}' is not a regency/city of East Kalimantan. Kaltim's BPS regency/city codes: {codes}.",
    },
    "region_bad_number": {
        "id": "Kode '{code}' tidak dikenali. Gunakan kode Kemendagri bertitik (mis. 64.02.06) atau kode BPS 4 angka "
        "untuk kabupaten/kota (mis. 6403), atau tulis nama wilayahnya.",
        "en": "Code '{code}' is not recognised. Use a dotted Kemendagri code (e.g. 64.02.06), a 4-digit BPS code "
        "for a regency/city (e.g. 6403), or the region's name.",
    },
    "region_ambiguous": {
        "id": "'{text}' cocok dengan beberapa wilayah: {options}. Tulis lebih lengkap, mis. '{example}', atau tambahkan induknya setelah koma.",
        "en": "'{text}' matches several regions: {options}. Be more specific, e.g. '{example}', or add its parent after a comma.",
    },
    "region_unknown_suggest": {
        "id": "'{text}' tidak dikenal sebagai wilayah{within}. Maksud Anda {suggestions}?",
        "en": "'{text}' is not a known region{within}. Did you mean {suggestions}?",
    },
    "region_unknown": {
        "id": "'{text}' tidak dikenal sebagai wilayah{within}. Periksa ejaan atau gunakan kode Kemendagri.",
        "en": "'{text}' is not a known region{within}. Check the spelling or use the Kemendagri code.",
    },
    "region_within": {"id": " di {place}", "en": " in {place}"},
    "or": {"id": " atau ", "en": " or "},
    "region_not_in_parent": {
        "id": "'{text}' tidak terletak di {parent}; yang bernama demikian: {found}. Periksa nama atau induknya, mis. '{example}'.",
        "en": "'{text}' does not lie in {parent}; the place of that name is {found}. Check the name or its parent, e.g. '{example}'.",
    },
    "region_code_name_disagree": {
        "id": "Kode dan nama wilayah tidak cocok: kode {code} = {code_region}, nama '{name}' = {name_region}.{hint} Periksa mana yang benar, lalu perbaiki kode atau namanya.",
        "en": "The region code and name disagree: code {code} = {code_region}, name '{name}' = {name_region}.{hint} Check which is right, then correct the code or the name.",
    },
    "region_code_other_system": {
        "id": " (Dalam penomoran {system}, {code} adalah {region}.)",
        "en": " (In {system} numbering, {code} is {region}.)",
    },
    "region_ambiguous_level": {
        "id": "'{text}' bisa berarti {options}. {why} Tulis lebih lengkap, mis. {examples}.",
        "en": "'{text}' may mean {options}. {why} Be more specific, e.g. {examples}.",
    },
    "region_level_no_evidence": {
        "id": "Baris lain di berkas ini tidak menunjukkan tingkat wilayah yang dipakai.",
        "en": "No other row of this file shows which region level it uses.",
    },
    "region_level_both": {
        "id": "Berkas ini memakai tingkat {first} dan {second} sekaligus.",
        "en": "This file uses both {first} and {second} level.",
    },
    "region_level_same": {
        "id": "Berkas ini memakai tingkat {level}, dan lebih dari satu {level} bernama demikian.",
        "en": "This file uses {level} level, and more than one {level} has this name.",
    },
    # --- import problems ---------------------------------------------------------------
    "imp_place_row": {
        "id": "baris {row}",
        "en": "row {row}",
    },
    "imp_place_column": {
        "id": "kolom {column}",
        "en": "column {column}",
    },
    "imp_not_number": {
        "id": "'{value}' bukan angka. Tulis angka seperti 1.234.567, 1.234.567,50, Rp1,2 M atau 250 juta.",
        "en": "'{value}' is not a number. Write a number such as 1.234.567, 1.234.567,50, Rp1,2 M or 250 juta.",
    },
    "imp_ambiguous_number": {
        "id": "'{value}' bisa dibaca dua cara (ribuan atau desimal). Tulis ribuan dengan titik (1.500) dan desimal dengan koma (1,5).",
        "en": "'{value}' can be read two ways (thousands or decimals). Write thousands with a dot (1.500) and decimals with a comma (1,5).",
    },
    "imp_too_big": {
        "id": "'{value}' terlalu besar untuk jumlah ini. Periksa satuannya (rupiah, bukan sen) dan jumlah angka nolnya.",
        "en": "'{value}' is too large for this field. Check its unit (Rupiah, not cents) and the number of zeros.",
    },
    "imp_negative": {
        "id": "'{value}' negatif. Jumlah tidak boleh kurang dari 0.",
        "en": "'{value}' is negative. Amounts cannot be below 0.",
    },
    "imp_not_whole": {
        "id": "'{value}' bukan bilangan bulat. Tulis jumlah orang atau unit tanpa pecahan.",
        "en": "'{value}' is not a whole number. Write counts of people or units without fractions.",
    },
    "imp_bad_year": {
        "id": "'{value}' bukan tahun. Tulis tahun empat angka antara {low} dan {high}.",
        "en": "'{value}' is not a year. Write a four-digit year between {low} and {high}.",
    },
    "imp_year_range": {
        "id": "Tahun {value} di luar rentang {low}–{high}. Periksa tahunnya.",
        "en": "Year {value} is outside {low}–{high}. Check the year.",
    },
    "imp_bad_date": {
        "id": "'{value}' bukan tanggal. Tulis seperti 2025-03-01, 01/03/2025 atau 1 Maret 2025.",
        "en": "'{value}' is not a date. Write it like 2025-03-01, 01/03/2025 or 1 Maret 2025.",
    },
    "imp_bad_source": {
        "id": "Sumber dana '{value}' tidak dikenal. Pilih salah satu: {options}.",
        "en": "Funding source '{value}' is unknown. Choose one of: {options}.",
    },
    "imp_bad_source_hint": {
        "id": "Sumber dana '{value}' tidak dikenal. Maksud Anda '{hint}'? Pilihan: {options}.",
        "en": "Funding source '{value}' is unknown. Did you mean '{hint}'? Choices: {options}.",
    },
    "imp_bad_option": {
        "id": "'{value}' tidak ada dalam daftar. Pilih salah satu: {options}.",
        "en": "'{value}' is not in the list. Choose one of: {options}.",
    },
    "imp_bad_option_hint": {
        "id": "'{value}' tidak ada dalam daftar. Maksud Anda '{hint}'? Pilihan: {options}.",
        "en": "'{value}' is not in the list. Did you mean '{hint}'? Choices: {options}.",
    },
    "imp_bad_ppks": {
        "id": "Kategori PPKS '{value}' tidak dikenal. Tulis salah satu dari 26 kategori (nama, singkatan atau nomor 1–26) atau Lintas PPKS.",
        "en": "PPKS category '{value}' is unknown. Write one of the 26 categories (name, abbreviation or number 1–26) or Lintas PPKS.",
    },
    "imp_ppks_combined": {
        "id": "'{value}' menggabungkan dua kategori PPKS ({first} dan {second}); angkanya tidak bisa dipisah lagi. Tulis satu baris untuk tiap kategori.",
        "en": "'{value}' joins two PPKS categories ({first} and {second}); the figure cannot be split again. Write one row per category.",
    },
    "imp_layout_rows_skipped": {
        "id": "Baris {rows} dilewati: nomor kolom tabel (1) (2) … atau catatan (Sumber:, Catatan:, Keterangan:), bukan data.",
        "en": "Rows {rows} were skipped: the table's column numbers (1) (2) … or notes (Sumber:, Catatan:, Keterangan:), not data.",
    },
    "imp_program_total_row": {
        "id": "Baris program di '{value}' (pagu Rp{total}) adalah induk dari {parts} baris lain program yang sama di dalam wilayahnya (pagu Rp{parts_sum}). Disimpan sebagai jumlah: dasbor memakai rinciannya dan tidak menjumlahkan baris ini lagi. Bila ini anggaran tersendiri di tingkat itu, kirim sebagai program dengan kode lain.",
        "en": "The program row at '{value}' (budget Rp{total}) is the parent of {parts} other rows of the same program inside its region (budget Rp{parts_sum}). Stored as a total: the dashboard uses the parts and never adds this row again. If it is a budget of its own at that level, send it as a program with another code.",
    },
    "imp_total_row": {
        "id": "'{value}' ({total}) adalah jumlah dari {parts} baris lain di dalam wilayahnya (jumlahnya {parts_sum}). Disimpan; dasbor tidak menjumlahkannya lagi dengan rinciannya.",
        "en": "'{value}' ({total}) is the total of {parts} other rows inside its region (they add up to {parts_sum}). Stored; the dashboard never adds it to its own parts.",
    },
    "imp_total_row_differs": {
        "id": "'{value}' ({total}) adalah wilayah induk dari {parts} baris lain, tetapi rinciannya berjumlah {parts_sum}, tidak sama. Disimpan; dasbor tidak menjumlahkannya dengan rinciannya dan memakai satu tingkat per wilayah. Periksa mana yang benar.",
        "en": "'{value}' ({total}) is the parent region of {parts} other rows, but they add up to {parts_sum}, not the same. Stored; the dashboard never adds them together and uses one level per area. Check which is right.",
    },
    "imp_also_rows": {
        "id": "Hal yang sama juga di {count} baris lain: {rows}.",
        "en": "The same applies to {count} other row(s): {rows}.",
    },
    "imp_codes_kemendagri_names": {
        "id": "Kode wilayah 4 angka di berkas ini dibaca sebagai kode Kemendagri tanpa titik ({example} = {dotted}), karena nama wilayah atau penyelenggara yang ditulis bersama kode itu cocok dengan penomoran Kemendagri, bukan BPS. Periksa bila maksudnya kode BPS.",
        "en": "The 4-digit region codes of this file are read as Kemendagri codes without dots ({example} = {dotted}), as the region names or implementers written with them match Kemendagri numbering, not BPS. Check this if BPS codes were meant.",
    },
    "imp_region_level_chosen": {
        "id": "{count} nama wilayah yang dipakai kecamatan dan juga desa/kelurahan ditulis tanpa 'Kec.', 'Kel.' atau 'Desa': {chosen}. Dari kedua tingkat itu, wilayah lain di berkas ini ({evidence} nama) hanya memakai tingkat {level}, jadi nama itu dibaca di tingkat {level} (baris {rows}). Bila maksudnya lain, tulis mis. {fix}.",
        "en": "{count} region names that a subdistrict and a village share are written without 'Kec.', 'Kel.' or 'Desa': {chosen}. Of those levels, the file's other regions ({evidence} names) use only {level} level, so these are read at {level} level (rows {rows}). If another level is meant, write e.g. {fix}.",
    },
    "imp_implementer_region": {
        "id": "Penyelenggara '{implementer}' adalah instansi {home}, tetapi wilayah baris ini dibaca sebagai {region}, di luar {home_name}. Periksa wilayahnya (kode Kemendagri {home_code} = {home_name}) atau penyelenggaranya.",
        "en": "Implementer '{implementer}' is an office of {home}, but this row's region reads as {region}, outside {home_name}. Check the region (Kemendagri code {home_code} = {home_name}) or the implementer.",
    },
    "imp_codes_undecided": {
        "id": "Kode wilayah 4 angka tanpa titik dibaca sebagai kode BPS ({bps}); dalam penomoran Kemendagri artinya lain ({kemendagri}), dan berkas tidak menunjukkan penomoran mana yang dipakai. Bila maksudnya Kemendagri, tulis kode dengan titik ({dotted}) atau tambahkan nama wilayahnya.",
        "en": "The 4-digit region codes without dots were read as BPS codes ({bps}); in Kemendagri numbering they mean other places ({kemendagri}), and the file does not show which numbering it uses. If Kemendagri was meant, write the codes with a dot ({dotted}) or add the region names.",
    },
    "imp_codes_kemendagri": {
        "id": "Kode wilayah 4 angka di berkas ini dibaca sebagai kode Kemendagri tanpa titik ({example} = {dotted}), karena berkas memuat kode yang hanya ada dalam penomoran Kemendagri. Periksa bila maksudnya kode BPS.",
        "en": "The 4-digit region codes of this file are read as Kemendagri codes without dots ({example} = {dotted}), as the file holds a code that exists only in Kemendagri numbering. Check this if BPS codes were meant.",
    },
    "imp_bad_ppks_hint": {
        "id": "Kategori PPKS '{value}' tidak dikenal. Maksud Anda '{hint}'?",
        "en": "PPKS category '{value}' is unknown. Did you mean '{hint}'?",
    },
    "imp_ppks_lintas_need": {
        "id": "'{value}' hanya dipakai untuk program. Data PPKS dicatat per kategori: tulis salah satu dari 26 kategori PPKS.",
        "en": "'{value}' is only used for programs. PPKS need is counted per category: write one of the 26 PPKS categories.",
    },
    "imp_bad_yes_no": {
        "id": "'{value}' harus 'ya' atau 'tidak'.",
        "en": "'{value}' must be 'ya' (yes) or 'tidak' (no).",
    },
    "imp_not_kabkota": {
        "id": "'{value}' bukan kabupaten/kota. Tulis kabupaten/kota operasi, dipisah titik koma.",
        "en": "'{value}' is not a regency/city. List the regencies/cities of operation, separated by semicolons.",
    },
    "imp_required": {
        "id": "Kolom wajib ini kosong. Isi nilainya.",
        "en": "This required cell is empty. Fill it in.",
    },
    "imp_nik_digits": {
        "id": "NIK {value} berisi selain angka. NIK harus 16 angka.",
        "en": "NIK {value} contains characters other than digits. A NIK is 16 digits.",
    },
    "imp_nik_length": {
        "id": "NIK {value} terdiri dari {length} angka, bukan 16. Periksa NIK pada KTP/KK.",
        "en": "NIK {value} has {length} digits, not 16. Check the NIK on the ID or family card.",
    },
    "imp_bad_nik_hash": {
        "id": "nik_hash '{value}' bukan NIK tersamar yang sah (64 karakter 0–9/a–f). Isi kolom nik dengan NIK asli, atau nik_hash dari ekspor dasbor ini.",
        "en": "nik_hash '{value}' is not a valid pseudonymised NIK (64 characters 0–9/a–f). Put the real NIK in the nik column, or a nik_hash exported by this dashboard.",
    },
    "imp_no_nik_key": {
        "id": "Kunci penyamaran NIK belum diatur di server. Administrator: setel {setting} di lingkungan atau di secrets.toml.",
        "en": "The NIK pseudonymisation key is not set on the server. Administrator: set {setting} in the environment or in secrets.toml.",
    },
    "imp_bad_secrets_file": {
        "id": 'Berkas rahasia {file} tidak dapat dibaca sebagai TOML ({detail}). Perbaiki berkas itu, misalnya SINERGI_NIK_KEY = "…" dalam tanda kutip.',
        "en": 'The secrets file {file} cannot be read as TOML ({detail}). Correct it, e.g. SINERGI_NIK_KEY = "…" in quotes.',
    },
    "imp_nik_in_hash_column": {
        "id": "Kolom nik_hash berisi NIK asli {value}. Pindahkan NIK ke kolom nik; NIK akan disamarkan saat impor.",
        "en": "The nik_hash column holds a real NIK {value}. Move it to the nik column; it is pseudonymised at import.",
    },
    "imp_nik_scientific": {
        "id": "NIK {value} adalah angka ilmiah buatan Excel: sebagian besar digitnya sudah hilang dan tidak bisa dipulihkan dari berkas ini. Format kolom nik sebagai Teks, salin ulang NIK dari sumbernya, lalu simpan lagi.",
        "en": "NIK {value} is a number in scientific form made by Excel: most of its digits are lost and cannot be recovered from this file. Format the nik column as Text, copy the NIKs again from their source, and save again.",
    },
    "imp_nik_number": {
        "id": "NIK {value} tersimpan sebagai angka di Excel, sehingga digit terakhirnya hilang. Format kolom nik sebagai Teks lalu ketik ulang NIK-nya.",
        "en": "NIK {value} is stored as a number in Excel, which loses its last digit. Format the nik column as Text and type the NIKs again.",
    },
    "imp_unreadable": {
        "id": "Berkas tidak dapat dibaca. Buka di Excel lalu simpan ulang sebagai .xlsx atau CSV UTF-8, kemudian unggah lagi.",
        "en": "The file cannot be read. Open it in Excel, save it again as .xlsx or CSV UTF-8, and upload it again.",
    },
    "imp_missing_nik": {
        "id": "NIK kosong. Isi kolom nik (16 angka) atau nik_hash.",
        "en": "The NIK is empty. Fill in nik (16 digits) or nik_hash.",
    },
    "imp_not_csv": {
        "id": "Berkas ini bukan CSV teks (isinya biner, mungkin Excel). Simpan sebagai CSV, atau unggah sebagai .xlsx.",
        "en": "This file is not a text CSV (its content is binary, perhaps Excel). Save it as CSV, or upload it as .xlsx.",
    },
    "imp_csv_fields": {
        "id": "Baris ini berisi {found} sel, padahal judul kolom hanya {expected}. Biasanya ada pemisah (; atau ,) di dalam isi sel, misalnya angka ribuan yang ditulis dengan koma (1,250) di berkas yang dipisah koma: beri tanda kutip pada sel itu atau hapus pemisahnya.",
        "en": "This row has {found} cells but the header has {expected}. Usually a separator (; or ,) sits inside a cell, e.g. thousands written with a comma (1,250) in a comma-separated file: put that cell in quotes or remove the separator.",
    },
    "imp_bad_encoding": {
        "id": "Teks berkas tidak dapat dibaca. Simpan sebagai CSV UTF-8.",
        "en": "The file's text cannot be read. Save it as CSV UTF-8.",
    },
    "imp_not_xlsx": {
        "id": "Berkas ini bukan Excel .xlsx yang sah (mungkin rusak atau berganti nama). Buka di Excel lalu simpan ulang sebagai .xlsx.",
        "en": "This file is not a valid Excel .xlsx (it may be damaged or renamed). Open it in Excel and save it again as .xlsx.",
    },
    "imp_xlsx_bomb": {
        "id": "Isi Excel ini membengkak menjadi {size} MB saat dibuka — mencurigakan dan ditolak. Kirim data tanpa gambar atau lembar tambahan.",
        "en": "This Excel file unpacks to {size} MB — suspicious, so it is refused. Send the data without pictures or extra sheets.",
    },
    "imp_empty_file": {
        "id": "Berkas kosong. Periksa bahwa berkas yang benar yang diunggah.",
        "en": "The file is empty. Check that you uploaded the right file.",
    },
    "imp_too_large": {
        "id": "Berkas {size} MB melebihi batas {limit} MB. Pecah menjadi beberapa berkas.",
        "en": "The file is {size} MB, over the {limit} MB limit. Split it into several files.",
    },
    "imp_old_xls": {
        "id": "Format Excel lama (.xls) tidak didukung. Buka di Excel lalu simpan sebagai .xlsx.",
        "en": "The old Excel format (.xls) is not supported. Open it in Excel and save it as .xlsx.",
    },
    "imp_bad_extension": {
        "id": "Jenis berkas .{suffix} tidak didukung. Unggah .xlsx atau .csv.",
        "en": "File type .{suffix} is not supported. Upload .xlsx or .csv.",
    },
    "imp_header_too_few": {
        "id": "Baris judul kolom tidak lengkap: baris ini hanya memuat {found} dari kolom yang dikenal. Beri setiap kolom judul dari templat; kolom yang dikenal: {expected}.",
        "en": "The header row is incomplete: this row names only {found} of the known columns. Give every column a header from the template; known columns: {expected}.",
    },
    "imp_wide_read_kategori_ppks": {
        "id": "Tabel lebar: {count} kolom kategori PPKS ({headers}) dibaca sebagai satu baris per wilayah dan kategori ({rows} baris). Sel kosong tidak dibaca.",
        "en": "Wide table: {count} PPKS category columns ({headers}) were read as one row per region and category ({rows} rows). Blank cells were not read.",
    },
    "imp_wide_read_tahun": {
        "id": "Tabel lebar: {count} kolom tahun ({headers}) dibaca sebagai satu baris per wilayah dan tahun ({rows} baris). Sel kosong tidak dibaca.",
        "en": "Wide table: {count} year columns ({headers}) were read as one row per region and year ({rows} rows). Blank cells were not read.",
    },
    "imp_wide_combined": {
        "id": "Kolom '{value}' menggabungkan dua kategori PPKS ({first} dan {second}); angkanya tidak bisa dipisah lagi. Pisahkan menjadi dua kolom, '{first}' dan '{second}', masing-masing dengan angkanya sendiri.",
        "en": "The column '{value}' joins two PPKS categories ({first} and {second}); its figures cannot be split again. Split it into two columns, '{first}' and '{second}', each with its own figures.",
    },
    "imp_xlsx_too_many_cells": {
        "id": "Lembar '{sheet}' memakai {cells} sel (baris × kolom terakhir yang terisi); batasnya {limit}. Hapus baris dan kolom kosong di ujung lembar (juga yang hanya berformat), atau simpan sebagai CSV atau bagi berkasnya.",
        "en": "Sheet '{sheet}' uses {cells} cells (last filled row × column); the limit is {limit}. Delete empty rows and columns at the end of the sheet (also formatted-only ones), or save as CSV or split the file.",
    },
    "imp_more_rows": {
        "id": "… dan {more} baris lain dengan masalah yang sama seperti baris {first_row} di kolom ini (hanya {listed} yang pertama dicantumkan).",
        "en": "… and {more} more rows with the same problem as row {first_row} in this column (only the first {listed} are listed).",
    },
    "imp_nik_like_value": {
        "id": "Nilai ini memuat NIK ({value}). NIK hanya boleh di kolom nik, yang disamarkan sebelum disimpan; hapus NIK dari kolom ini.",
        "en": "This value holds a NIK ({value}). A NIK belongs only in the nik column, which is pseudonymised before storing; remove the NIK from this column.",
    },
    "imp_control_characters": {
        "id": "Karakter yang tidak tercetak (kode kendali, karakter lebar-nol, pembalik arah teks) dihapus dari {count} sel kolom ini; tab dan ganti baris menjadi spasi. Periksa nilainya di berkas asli.",
        "en": "Characters that do not print (control codes, zero-width characters, text-direction overrides) were removed from {count} cells of this column; tabs and line breaks became spaces. Check the values in the original file.",
    },
    "imp_other_kind": {
        "id": "Kolom berkas ini adalah kolom jenis '{other}', bukan '{kind}'. Pilih jenis '{other}' lalu periksa lagi.",
        "en": "This file's columns are those of the kind '{other}', not '{kind}'. Choose the kind '{other}' and check again.",
    },
    "imp_unit_from_header": {
        "id": "Satuan diambil dari judul kolom '{header}': {unit}, untuk semua baris (berkas tidak punya kolom satuan).",
        "en": "The unit is taken from the column header '{header}': {unit}, for every row (the file has no unit column).",
    },
    "imp_amount_scaled": {
        "id": "Judul kolom '{header}' menyatakan satuannya: angkanya dikalikan {factor} dan disimpan dalam Rupiah. Periksa beberapa angka di pratinjau.",
        "en": "The column header '{header}' states its scale: its figures were multiplied by {factor} and stored in Rupiah. Check a few in the preview.",
    },
    "imp_too_many_columns": {
        "id": "Baris judul kolom berisi sampai {count} kolom; batasnya 500. Hapus kolom kosong atau yang tidak dipakai di ujung kanan tabel, lalu simpan lagi.",
        "en": "The header row runs to {count} columns; the limit is 500. Delete empty or unused columns at the right of the table and save again.",
    },
    "imp_too_long": {
        "id": "Isi sel ini {length} karakter; batasnya {limit}. Periksa apakah beberapa sel tergabung, lalu pendekkan isinya.",
        "en": "This cell holds {length} characters; the limit is {limit}. Check whether several cells were merged into one, and shorten it.",
    },
    "imp_table_total_rows": {
        "id": "Baris {rows} adalah baris jumlah tabel ('Jumlah'/'Total'), bukan wilayah: tidak dibaca, karena angkanya adalah jumlah baris-baris lain.",
        "en": "Rows {rows} are the table's total rows ('Jumlah'/'Total'), not regions: not read, as their figures are the sum of other rows.",
    },
    "imp_wide_total_column": {
        "id": "Kolom jumlah di samping kolom-kolom kategori atau tahun adalah total tiap baris: tidak dibaca.",
        "en": "The total column beside the category or year columns is each row's total: not read.",
    },
    "imp_no_header": {
        "id": "Baris judul kolom tidak ditemukan di 30 baris pertama. Gunakan templat; kolom yang dikenal: {expected}.",
        "en": "No header row found in the first 30 rows. Use the template; known columns: {expected}.",
    },
    "imp_no_rows": {
        "id": "Berkas tidak berisi baris data di bawah judul kolom.",
        "en": "The file has no data rows below the header.",
    },
    "imp_extra_columns": {
        "id": "Kolom yang tidak dikenal atau berulang diabaikan: {columns}.",
        "en": "Unknown or repeated columns are ignored: {columns}.",
    },
    "imp_missing_column": {
        "id": "Kolom wajib tidak ada. Tambahkan kolom ini (nama Inggris '{english}' juga diterima).",
        "en": "This required column is missing. Add it (the English name '{english}' is accepted too).",
    },
    "imp_missing_one_of": {
        "id": "Tidak ada kolom {columns}. Tambahkan salah satunya.",
        "en": "There is no {columns} column. Add one of them.",
    },
    "imp_amount_too_small": {
        "id": "Kurang dari Rp100.000 untuk sebuah program: ditulis dalam juta? Bila maksudnya Rp{millions} (atau Rp{thousands} bila dalam ribu), tulis angka lengkap dalam Rupiah lalu impor lagi (tetap diimpor seperti tertulis).",
        "en": "Less than Rp100,000 for a program: written in millions? If Rp{millions} is meant (or Rp{thousands} in thousands), write the full amount in Rupiah and import again (imported as written).",
    },
    "imp_spent_over_budget": {
        "id": "Realisasi lebih besar dari pagu. Periksa angkanya (tetap diimpor).",
        "en": "Spent is more than planned. Check the figures (imported anyway).",
    },
    "imp_reached_over_target": {
        "id": "Realisasi penerima lebih besar dari target. Periksa angkanya (tetap diimpor).",
        "en": "More people reached than targeted. Check the figures (imported anyway).",
    },
    "imp_end_before_start": {
        "id": "Tanggal selesai lebih awal dari tanggal mulai ({start}). Perbaiki salah satu tanggal.",
        "en": "The end date is before the start date ({start}). Correct one of the dates.",
    },
    "imp_site_not_number": {
        "id": "'{value}' bukan angka koordinat. Tulis derajat desimal dengan titik atau koma, mis. lintang -0,5021 "
        "dan bujur 117,1536; ubah dulu bentuk derajat-menit-detik (0°30'08\" LS) ke derajat desimal.",
        "en": "'{value}' is not a coordinate. Write decimal degrees with a point or a comma, e.g. latitude -0.5021 "
        "and longitude 117.1536; convert degrees-minutes-seconds (0°30'08\" S) to decimal degrees first.",
    },
    "imp_site_half": {
        "id": "Kolom {column_name} kosong padahal {other} terisi. Isi lintang dan bujur, atau kosongkan keduanya.",
        "en": "{column_name} is empty while {other} is filled. Fill in both latitude and longitude, or neither.",
    },
    "imp_site_latitude_range": {
        "id": "Lintang {value} di luar −90 sampai 90. Tulis lintang dalam derajat desimal; Kalimantan Timur ada "
        "di sekitar lintang -2,5 sampai 2,6.",
        "en": "Latitude {value} is outside −90 to 90. Write the latitude in decimal degrees; Kalimantan Timur lies "
        "at about latitude -2.5 to 2.6.",
    },
    "imp_site_swapped": {
        "id": "Lintang {value} di luar −90 sampai 90 — lintang dan bujur tertukar? Bila ditukar (lintang "
        "{latitude}, bujur {longitude}), titiknya ada di {region}. Tukar isi kolom lintang dan bujur.",
        "en": "Latitude {value} is outside −90 to 90 — latitude and longitude swapped? Swapped (latitude "
        "{latitude}, longitude {longitude}), the point lies in {region}. Swap the lintang and bujur columns.",
    },
    "imp_site_longitude_range": {
        "id": "Bujur {value} di luar −180 sampai 180. Tulis bujur dalam derajat desimal; Kalimantan Timur ada "
        "di sekitar bujur 113,8 sampai 119,1.",
        "en": "Longitude {value} is outside −180 to 180. Write the longitude in decimal degrees; Kalimantan Timur "
        "lies at about longitude 113.8 to 119.1.",
    },
    "imp_site_outside_region": {
        "id": "Titik (lintang {latitude}, bujur {longitude}) berada di {found}, bukan di {stated}. Periksa "
        "koordinat atau kolom wilayah (tetap diimpor seperti tertulis).",
        "en": "The point (latitude {latitude}, longitude {longitude}) lies in {found}, not in {stated}. Check the "
        "coordinates or the region column (imported as written).",
    },
    "imp_site_outside_province": {
        "id": "Titik (lintang {latitude}, bujur {longitude}) berada di luar Kalimantan Timur. Periksa koordinatnya: "
        "Kalimantan Timur ada di sekitar lintang -2,5 sampai 2,6 dan bujur 113,8 sampai 119,1 (tetap diimpor).",
        "en": "The point (latitude {latitude}, longitude {longitude}) lies outside Kalimantan Timur. Check the "
        "coordinates: Kalimantan Timur lies at about latitude -2.5 to 2.6 and longitude 113.8 to 119.1 "
        "(imported anyway).",
    },
    "imp_program_inconsistent": {
        "id": "Nilai ini berbeda dengan baris {first_row} ('{other}') untuk program dan tahun yang sama. Samakan isinya.",
        "en": "This differs from row {first_row} ('{other}') for the same program and year. Make them the same.",
    },
    "imp_unknown_partner": {
        "id": "Perusahaan ini belum terdaftar sebagai mitra. Impor data mitra agar programnya terhubung (tetap diimpor).",
        "en": "This company is not registered as a partner. Import the partner file so its programs are linked (imported anyway).",
    },
    "imp_bad_decile": {
        "id": "Desil '{value}' harus antara 1 dan 10.",
        "en": "Decile '{value}' must be between 1 and 10.",
    },
    "imp_nik_outside": {
        "id": "NIK berkode provinsi {province}, bukan 64 (Kalimantan Timur). Periksa NIK-nya (tetap diimpor).",
        "en": "The NIK has province code {province}, not 64 (East Kalimantan). Check the NIK (imported anyway).",
    },
    "imp_nik_region_mismatch": {
        "id": "Kode wilayah pada NIK tidak sama dengan kabupaten/kota wilayah ini. Periksa NIK atau wilayahnya (tetap diimpor).",
        "en": "The NIK's region code differs from this row's regency/city. Check the NIK or the region (imported anyway).",
    },
    "imp_unknown_program": {
        "id": "Program '{value}' tahun {year} belum ada di basis data. Impor berkas program dahulu (tetap diimpor).",
        "en": "Program '{value}' for {year} is not in the store yet. Import the program file first (imported anyway).",
    },
    "imp_duplicate_key": {
        "id": "Baris ini mengulang kunci baris {first_row}. Hapus salah satu atau gabungkan angkanya.",
        "en": "This row repeats the key of row {first_row}. Delete one of them or merge their figures.",
    },
    "imp_has_errors": {
        "id": "Berkas masih memiliki {errors} kesalahan; tidak ada yang disimpan. Perbaiki lalu unggah lagi.",
        "en": "The file still has errors ({errors}); nothing was stored. Correct them and upload again.",
    },
    "imp_store_has_sample": {
        "id": "Basis data masih berisi data contoh; data resmi tidak dicampur dengan data contoh. Hapus data contoh "
        "dahulu (halaman Kelola Data, atau `python -m data_loaders demo --remove`).",
        "en": "The store still holds sample data; official data is never mixed with it. Remove the sample data "
        "first (Data page, or `python -m data_loaders demo --remove`).",
    },
    "imp_period_locked": {
        "id": "Periode {years} sudah dikunci oleh administrator; data tahun itu tidak dapat diubah. Minta administrator membuka kuncinya bila ada koreksi resmi.",
        "en": "Period {years} has been locked by an administrator; its data cannot change. Ask an administrator to unlock it for an official correction.",
    },
    "imp_rollback_unknown": {
        "id": "Impor #{import_id} tidak ada atau tidak dapat dibatalkan.",
        "en": "Import #{import_id} does not exist or cannot be rolled back.",
    },
    "imp_rollback_done": {
        "id": "Impor #{import_id} sudah dibatalkan sebelumnya.",
        "en": "Import #{import_id} has already been rolled back.",
    },
    "imp_rollback_later": {
        "id": "Impor #{import_id} tidak dapat dibatalkan: impor {later} mengubah baris yang sama sesudahnya. "
        "Batalkan impor itu dahulu.",
        "en": "Import #{import_id} cannot be rolled back: import {later} changed the same rows after it. "
        "Roll that one back first.",
    },
    "imp_limit_region": {
        "id": "wilayah {code} ({name}) di luar wilayah Anda ({own_code} {own_name}). "
        "Hapus baris ini atau minta operator {home} mengimpornya.",
        "en": "region {code} ({name}) lies outside your region ({own_code} {own_name}). "
        "Remove this row or ask the operator of {home} to import it.",
    },
    "imp_limit_region_province": {
        "id": "wilayah {code} ({name}) tingkat provinsi, di luar wilayah Anda ({own_code} {own_name}). "
        "Hapus baris ini atau minta admin provinsi mengimpornya.",
        "en": "region {code} ({name}) is the province, outside your region ({own_code} {own_name}). "
        "Remove this row or ask the province's administrator to import it.",
    },
    "imp_limit_program_elsewhere": {
        "id": "program {code} ({year}) sudah tersimpan dengan lokasi di luar wilayah Anda ({other}); berkas "
        "program mengganti semua lokasinya. Hapus baris ini atau minta admin provinsi mengimpornya.",
        "en": "program {code} ({year}) is stored with places outside your region ({other}); a program file "
        "replaces all its places. Remove this row or ask the province's administrator to import it.",
    },
    "imp_limit_program_other_partner": {
        "id": "program {code} ({year}) sudah tersimpan atas nama penyelenggara lain ({other}), bukan {whom}. "
        "Gunakan kode program Anda sendiri atau hapus baris ini.",
        "en": "program {code} ({year}) is stored for another implementer ({other}), not {whom}. "
        "Use a program code of your own or remove this row.",
    },
    "imp_limit_beneficiary_elsewhere": {
        "id": "penerima ini sudah tersimpan untuk program {code} ({year}) di wilayah lain, di luar {whom}. "
        "Hapus baris ini atau minta admin provinsi memindahkannya.",
        "en": "this beneficiary is stored for program {code} ({year}) in another region, outside {whom}. "
        "Remove this row or ask the province's administrator to move it.",
    },
    "imp_limit_not_own_program": {
        "id": "program {code} ({year}) bukan program {whom}. Anda hanya dapat mengimpor penerima program "
        "Anda sendiri: impor dahulu berkas programnya atau hapus baris ini.",
        "en": "program {code} ({year}) is not a program of {whom}. You can import beneficiaries of your own "
        "programs only: import the program file first or remove this row.",
    },
    "imp_limit_partner": {
        "id": "penyelenggara '{value}' bukan {whom}. Anda hanya dapat mengimpor program {whom}: "
        "tulis '{whom}' sebagai penyelenggara atau hapus baris ini.",
        "en": "implementer '{value}' is not {whom}. You can import programs of {whom} only: "
        "write '{whom}' as the implementer or remove this row.",
    },
    "imp_limit_kind_operator": {
        "id": "Berkas {kind} tidak dapat diimpor oleh operator {whom}: operator hanya mengimpor {allowed} "
        "di wilayahnya. Minta admin provinsi mengimpor berkas ini.",
        "en": "A {kind} file cannot be imported by the operator of {whom}: operators import {allowed} "
        "of their region only. Ask the province's administrator to import this file.",
    },
    "imp_limit_kind_mitra": {
        "id": "Berkas {kind} tidak dapat diimpor oleh mitra {whom}: mitra hanya mengimpor {allowed} "
        "programnya sendiri. Minta admin provinsi mengimpor berkas ini.",
        "en": "A {kind} file cannot be imported by the partner {whom}: partners import {allowed} "
        "of their own programs only. Ask the province's administrator to import this file.",
    },
    "imp_limit_nobody_operator": {
        "id": "Akun operator ini tidak memiliki kabupaten/kota yang dikenal, jadi tidak dapat mengimpor "
        "berkas {kind}. Minta administrator mengatur wilayah akun Anda.",
        "en": "This operator account has no known kabupaten/kota, so it cannot import a {kind} file. "
        "Ask an administrator to set your account's region.",
    },
    "imp_limit_nobody_mitra": {
        "id": "Akun mitra ini tidak terhubung dengan mitra yang tersimpan, jadi tidak dapat mengimpor "
        "berkas {kind}. Minta administrator mengatur mitra akun Anda.",
        "en": "This partner account is linked to no stored partner, so it cannot import a {kind} file. "
        "Ask an administrator to set your account's partner.",
    },
    "imp_limit_refused": {
        "id": "{file}: impor ditolak, {count} baris di luar batas yang boleh Anda ubah (baris {rows}). "
        "Tidak ada yang disimpan. Periksa berkas lagi untuk melihat alasannya per baris.",
        "en": "{file}: import refused, {count} rows lie outside what you may change (rows {rows}). "
        "Nothing was stored. Check the file again to see the reason per row.",
    },
    "imp_rollback_limit_kind": {
        "id": "Impor #{import_id} ({kind}) tidak dapat Anda batalkan dengan peran Anda. "
        "Minta admin provinsi membatalkannya.",
        "en": "You cannot roll back import #{import_id} ({kind}) with your role. "
        "Ask the province's administrator to roll it back.",
    },
    "imp_rollback_limit_region": {
        "id": "Impor #{import_id} tidak dapat Anda batalkan: impor itu mengubah baris di luar wilayah Anda "
        "({own}): {regions}. Minta admin provinsi membatalkannya.",
        "en": "You cannot roll back import #{import_id}: it changed rows outside your region ({own}): "
        "{regions}. Ask the province's administrator to roll it back.",
    },
    "imp_rollback_limit_partner": {
        "id": "Impor #{import_id} tidak dapat Anda batalkan: impor itu mengubah program mitra lain "
        "({programs}). Minta admin provinsi membatalkannya.",
        "en": "You cannot roll back import #{import_id}: it changed programs of another partner "
        "({programs}). Ask the province's administrator to roll it back.",
    },
    "not_allowed_import": {
        "id": "Peran {role} tidak dapat mengimpor data.",
        "en": "The role {role} cannot import data.",
    },
    "not_allowed_rollback": {
        "id": "Peran {role} tidak dapat membatalkan impor.",
        "en": "The role {role} cannot roll back imports.",
    },
    "not_allowed_lock_periods": {
        "id": "Peran {role} tidak dapat mengunci atau membuka periode; hanya admin.",
        "en": "The role {role} cannot lock or unlock periods; only an administrator can.",
    },
    "not_allowed_remove_sample": {
        "id": "Peran {role} tidak dapat menghapus data contoh; hanya admin.",
        "en": "The role {role} cannot remove the sample data; only an administrator can.",
    },
    "data_limit_operator": {
        "id": "Anda masuk sebagai operator {whom}: Anda dapat mengimpor baris program, PPKS, penerima dan "
        "indikator yang berlokasi di {whom} saja. Baris wilayah lain atau tingkat provinsi ditolak per baris.",
        "en": "You are signed in as the operator of {whom}: you can import rows of programs, PPKS, "
        "beneficiaries and indicators located in {whom} only. Rows of other regions or of the province "
        "are refused row by row.",
    },
    "data_limit_nobody": {
        "id": "Akun Anda belum terhubung dengan kabupaten/kota atau mitra yang dikenal, jadi belum dapat "
        "mengimpor. Minta administrator mengatur akun Anda.",
        "en": "Your account is linked to no known kabupaten/kota or partner, so it cannot import yet. "
        "Ask an administrator to set up your account.",
    },
    "data_limit_mitra": {
        "id": "Anda masuk sebagai mitra {whom}: Anda dapat mengimpor program dengan penyelenggara {whom} "
        "dan penerima program Anda sendiri saja. Baris lain ditolak per baris.",
        "en": "You are signed in as the partner {whom}: you can import programs with {whom} as the "
        "implementer and beneficiaries of your own programs only. Other rows are refused row by row.",
    },
    # --- command line -----------------------------------------------------------------------
    "cli_read": {"id": "membaca: {done} baris", "en": "reading: {done} rows"},
    "cli_validate": {"id": "memeriksa: kolom {done} dari {total}", "en": "checking: column {done} of {total}"},
    "cli_write": {"id": "menulis: langkah {done} dari {total}", "en": "writing: step {done} of {total}"},
    "cli_no_file": {"id": "Berkas {file} tidak ditemukan.", "en": "File {file} not found."},
    "cli_error": {"id": "KESALAHAN", "en": "ERROR"},
    "cli_warning": {"id": "PERINGATAN", "en": "WARNING"},
    "cli_not_stored": {
        "id": "{errors} kesalahan: tidak ada yang disimpan. Perbaiki berkas lalu impor lagi.",
        "en": "Errors: {errors}. Nothing was stored. Correct the file and import it again.",
    },
    "cli_dry_run": {
        "id": "Uji coba: {rows} baris lolos pemeriksaan ({warnings} peringatan); tidak ada yang disimpan.",
        "en": "Dry run: rows that passed the checks: {rows} (warnings: {warnings}); nothing was stored.",
    },
    "cli_imported": {
        "id": "Impor #{id} tersimpan: {added} baris baru, {updated} diperbarui, {unchanged} tidak berubah, {deleted} dihapus; {warnings} peringatan.",
        "en": "Import #{id} stored: {added} rows added, {updated} updated, {unchanged} unchanged, {deleted} removed; warnings: {warnings}.",
    },
    "cli_same_file": {
        "id": "Berkas yang sama sudah diimpor sebagai impor #{id}.",
        "en": "The same file was already imported as import #{id}.",
    },
    "cli_summary_level": {
        "id": "Ringkasan dihitung per provinsi atau kabupaten/kota; {name} berada di bawahnya. Sebutkan "
        "kabupaten/kotanya.",
        "en": "The summary is for the province or a regency/city; {name} lies below that level. Name its regency/city.",
    },
    "cli_summary_no_year": {
        "id": "Tidak ada data program atau PPKS untuk tahun {year}. Tahun yang ada: {years}.",
        "en": "There is no program or PPKS data for {year}. Years with data: {years}.",
    },
    "cli_template": {"id": "Templat ditulis ke {file}.", "en": "Template written to {file}."},
    "cli_rolled_back": {
        "id": "Impor #{id} dibatalkan: {rows} baris dikembalikan ke nilai sebelumnya.",
        "en": "Import #{id} rolled back: {rows} rows restored to their previous values.",
    },
    "cli_rolled_back_rows": {
        "id": "Impor #{id} dibatalkan: {removed} baris baru dihapus, {restored} baris diperbarui dikembalikan ke nilai sebelumnya, {reinstated} baris terhapus dipulihkan ({unit}).",
        "en": "Import #{id} rolled back: {removed} added rows removed, {restored} updated rows restored to their previous values, {reinstated} removed rows put back ({unit}).",
    },
    "rows_unit_program_allocations": {
        "id": "baris program: satu per wilayah dan sumber dana",
        "en": "program rows: one per place and funding source",
    },
    "rows_unit_ppks_counts": {"id": "baris jumlah PPKS", "en": "PPKS count rows"},
    "rows_unit_beneficiaries": {"id": "baris penerima manfaat", "en": "beneficiary rows"},
    "rows_unit_partners": {"id": "baris mitra", "en": "partner rows"},
    "rows_unit_indicators": {"id": "baris nilai indikator", "en": "indicator value rows"},
    "cli_imported_unchanged": {
        "id": "Impor #{id}: tidak ada perubahan. Semua {unchanged} baris berkas sudah tersimpan persis sama, jadi tidak ada yang ditulis; riwayat mencatatnya sebagai 'tidak ada perubahan' (tidak perlu dibatalkan). {warnings} peringatan.",
        "en": "Import #{id}: no change. All {unchanged} rows of the file were already stored exactly so, so nothing was written; the history records it as 'no change' (nothing to roll back). Warnings: {warnings}.",
    },
    "imp_rollback_unchanged": {
        "id": "Impor #{import_id} tidak mengubah apa pun (semua barisnya sudah tersimpan sama), jadi tidak ada yang dibatalkan.",
        "en": "Import #{import_id} changed nothing (all its rows were already stored as they are), so there is nothing to roll back.",
    },
    "imp_rollback_later_kept": {
        "id": "Impor #{import_id} tidak dapat dibatalkan: impor {later} sesudahnya tersimpan dan berkasnya memuat baris yang sama (tanpa perubahan). Batalkan impor itu dahulu, lalu impor ulang berkasnya bila perlu.",
        "en": "Import #{import_id} cannot be rolled back: the later stored import {later} holds the same rows in its file (unchanged). Roll that one back first, then import its file again if needed.",
    },
    "cli_history_empty": {
        "id": "Belum ada impor di {url}.",
        "en": "No imports yet in {url}.",
    },
    "cli_hashed_rows": {
        "id": "{count} NIK disamarkan ke {file}; kolom lain tetap, jadi berkas itu dapat diimpor sebagai penerima. {bad} baris tidak sah (tanpa NIK yang benar) dibiarkan dengan nik_hash kosong{rows}.",
        "en": "{count} NIKs pseudonymised into {file}; the other columns are kept, so the file can be imported as beneficiaries. {bad} invalid rows (without a valid NIK) were left with an empty nik_hash{rows}.",
    },
    "cli_hashed": {
        "id": "{count} NIK disamarkan ke {file}; {bad} baris tidak sah dilewati.",
        "en": "{count} NIKs pseudonymised into {file}; {bad} invalid rows skipped.",
    },
    "cli_locked": {
        "id": "Tahun {year} dikunci: impor ke tahun itu ditolak.",
        "en": "Year {year} is locked: imports into it are refused.",
    },
    "cli_unlocked": {"id": "Kunci tahun {year} dibuka.", "en": "Year {year} is unlocked."},
    "cli_sample_removed": {
        "id": "Data contoh dihapus ({rows} baris).",
        "en": "Sample data removed ({rows} rows).",
    },
    # --- users and audit (data_loaders/users.py, the `user`, `admin-init` and `audit` commands) --
    "user_password_short": {
        "id": "Kata sandi terlalu pendek: minimal {minimum} karakter. Pilih kata sandi yang lebih panjang.",
        "en": "Password too short: at least {minimum} characters. Choose a longer password.",
    },
    "user_password_long": {
        "id": "Kata sandi terlalu panjang: maksimal {maximum} karakter.",
        "en": "Password too long: at most {maximum} characters.",
    },
    "user_unknown": {
        "id": "Pengguna '{username}' tidak ada. Lihat daftar dengan: python -m data_loaders user list",
        "en": "There is no user '{username}'. See the list with: python -m data_loaders user list",
    },
    "user_bad_username": {
        "id": "Nama pengguna '{username}' tidak sah: 2–64 huruf kecil, angka, '.', '_', '@' atau '-', diawali huruf atau angka (alamat email untuk akun kantor).",
        "en": "Username '{username}' is not valid: 2–64 lowercase letters, digits, '.', '_', '@' or '-', starting with a letter or digit (an e-mail address for office accounts).",
    },
    "user_bad_role": {
        "id": "Peran '{role}' tidak dikenal; pilih salah satu: {roles}.",
        "en": "Unknown role '{role}'; choose one of: {roles}.",
    },
    "user_operator_region": {
        "id": "Operator perlu kabupaten/kota tempatnya bekerja: tambahkan --wilayah NAMA.",
        "en": "An operator needs the kabupaten/kota they work for: add --wilayah NAME.",
    },
    "user_region_not_operator": {
        "id": "Hanya operator yang terikat pada satu kabupaten/kota: hapus --wilayah atau pilih peran operator.",
        "en": "Only an operator is tied to one kabupaten/kota: drop --wilayah or choose the operator role.",
    },
    "user_mitra_partner": {
        "id": "Pengguna mitra perlu perusahaannya: tambahkan --mitra NAMA (mitra yang sudah diimpor).",
        "en": "A mitra user needs their company: add --mitra NAME (an imported partner).",
    },
    "user_partner_not_mitra": {
        "id": "Hanya pengguna mitra yang terikat pada satu perusahaan: hapus --mitra atau pilih peran mitra.",
        "en": "Only a mitra user is tied to one company: drop --mitra or choose the mitra role.",
    },
    "user_bad_region": {
        "id": "'{code}' bukan kode kabupaten/kota di Kalimantan Timur.",
        "en": "'{code}' is not the code of a kabupaten/kota of Kalimantan Timur.",
    },
    "user_merged_partner": {
        "id": "Mitra #{partner_id} sudah digabung ke #{kept} {name}; ikat pengguna ke mitra #{kept}.",
        "en": "Partner #{partner_id} has been merged into #{kept} {name}; bind the user to partner #{kept}.",
    },
    "user_bad_partner": {
        "id": "Mitra #{partner_id} tidak ada di basis data.",
        "en": "Partner #{partner_id} is not in the store.",
    },
    "user_exists": {
        "id": "Nama pengguna '{username}' sudah dipakai; pilih nama lain.",
        "en": "Username '{username}' is taken; choose another.",
    },
    "user_admin_exists": {
        "id": "Sudah ada administrator; tambahkan administrator lain dengan: python -m data_loaders user add NAMA --role admin",
        "en": "An administrator exists already; add another with: python -m data_loaders user add NAME --role admin",
    },
    "user_sign_in_failed": {
        "id": "Nama pengguna atau kata sandi salah, atau akun dinonaktifkan.",
        "en": "Wrong username or password, or the account is disabled.",
    },
    "user_locked": {
        "id": "Terlalu banyak percobaan gagal: akun dikunci {minutes} menit. Coba lagi nanti atau minta administrator mengatur ulang kata sandi.",
        "en": "Too many failed attempts: the account is locked for {minutes} minutes. Try again later or ask an administrator to reset the password.",
    },
    "user_address_locked": {
        "id": "Terlalu banyak percobaan gagal dari alamat ini: coba lagi setelah {minutes} menit.",
        "en": "Too many failed attempts from this address: try again after {minutes} minutes.",
    },
    "cli_password_prompt": {"id": "Kata sandi: ", "en": "Password: "},
    "cli_password_again": {"id": "Ulangi kata sandi: ", "en": "Repeat password: "},
    "cli_password_mismatch": {
        "id": "Kedua kata sandi berbeda; tidak ada yang diubah.",
        "en": "The two passwords differ; nothing was changed.",
    },
    "cli_user_region_level": {
        "id": "--wilayah harus satu kabupaten/kota, bukan {name}.",
        "en": "--wilayah must be one kabupaten/kota, not {name}.",
    },
    "cli_user_partner_unknown": {
        "id": "Mitra '{name}' tidak ada di basis data; impor data mitra dahulu (python -m data_loaders import … --kind mitra).",
        "en": "Partner '{name}' is not in the store; import the partners first (python -m data_loaders import … --kind mitra).",
    },
    "cli_user_added": {"id": "Pengguna {username} ({role}) ditambahkan.", "en": "User {username} ({role}) added."},
    "cli_user_disabled": {
        "id": "Pengguna {username} dinonaktifkan: tidak dapat masuk lagi.",
        "en": "User {username} disabled: they can no longer sign in.",
    },
    "cli_user_password_reset": {
        "id": "Kata sandi {username} diganti; kunci karena percobaan gagal dibuka.",
        "en": "Password of {username} replaced; any lock from failed attempts is lifted.",
    },
    "cli_users_empty": {
        "id": "Belum ada pengguna. Buat administrator pertama: python -m data_loaders admin-init NAMA",
        "en": "No users yet. Create the first administrator: python -m data_loaders admin-init NAME",
    },
    "cli_audit_empty": {"id": "Log audit masih kosong.", "en": "The audit log is empty."},
    "cli_user_enabled": {"id": "Pengguna {username} dapat masuk lagi.", "en": "User {username} may sign in again."},
    "cli_user_role_changed": {"id": "Peran {username} sekarang {role}.", "en": "{username} now has the role {role}."},
    # --- Pengguna and Jejak audit pages (admin) ------------------------------------------------
    "user_disable_self": {
        "id": "Anda tidak dapat menonaktifkan akun Anda sendiri; minta administrator lain. Tidak ada yang diubah.",
        "en": "You cannot disable your own account; ask another administrator. Nothing was changed.",
    },
    "user_role_self": {
        "id": "Anda tidak dapat mengubah peran Anda sendiri; minta administrator lain. Tidak ada yang diubah.",
        "en": "You cannot change your own role; ask another administrator. Nothing was changed.",
    },
    "user_last_admin": {
        "id": "{username} adalah satu-satunya administrator aktif: tambahkan atau aktifkan administrator lain dahulu. Tidak ada yang diubah.",
        "en": "{username} is the only active administrator: add or enable another administrator first. Nothing was changed.",
    },
    "users_intro": {
        "id": "Siapa yang dapat masuk ke dasbor dan dengan peran apa. Setiap perubahan dicatat di jejak audit.",
        "en": "Who may sign in to the dashboard, and with which role. Every change is written to the audit trail.",
    },
    "users_count": {"id": "{count} pengguna", "en": "{count} users"},
    "users_col_username": {"id": "Nama pengguna", "en": "Username"},
    "users_col_display_name": {"id": "Nama tampilan", "en": "Display name"},
    "users_col_role": {"id": "Peran", "en": "Role"},
    "users_col_kabkota": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "users_col_partner": {"id": "Mitra", "en": "Partner"},
    "users_col_disabled": {"id": "Nonaktif", "en": "Disabled"},
    "users_col_locked_until": {"id": "Terkunci sampai", "en": "Locked until"},
    "users_col_created": {"id": "Dibuat", "en": "Created"},
    "users_col_password_changed": {"id": "Kata sandi diganti", "en": "Password changed"},
    "users_add_heading": {"id": "Tambah pengguna", "en": "Add a user"},
    "users_manage_heading": {"id": "Ubah pengguna", "en": "Change a user"},
    "users_pick": {"id": "Pengguna", "en": "User"},
    "users_role": {"id": "Peran", "en": "Role"},
    "users_kabkota": {"id": "Kabupaten/kota operator", "en": "The operator's regency/city"},
    "users_partner": {"id": "Perusahaan mitra", "en": "Partner company"},
    "users_no_partners": {
        "id": "Belum ada mitra di basis data: impor data mitra dahulu (Kelola data, jenis Mitra CSR).",
        "en": "No partner is in the store yet: import the partners first (Data page, kind CSR partners).",
    },
    "users_username": {
        "id": "Nama pengguna (huruf kecil, angka, . _ - @; alamat email untuk akun kantor)",
        "en": "Username (lowercase letters, digits, . _ - @; an e-mail address for office accounts)",
    },
    "users_display_name": {"id": "Nama tampilan (boleh kosong)", "en": "Display name (optional)"},
    "users_password": {"id": "Kata sandi", "en": "Password"},
    "users_password_again": {"id": "Ulangi kata sandi", "en": "Repeat the password"},
    "users_password_policy": {
        "id": "Kata sandi minimal {minimum} karakter; berikan kepada pengguna lewat jalur yang aman.",
        "en": "A password has at least {minimum} characters; hand it to the user in a safe way.",
    },
    "users_password_mismatch": {
        "id": "Kedua kata sandi berbeda; tidak ada yang diubah.",
        "en": "The two passwords differ; nothing was changed.",
    },
    "users_add_button": {"id": "Tambah pengguna", "en": "Add user"},
    "users_added": {"id": "Pengguna {username} ({role}) ditambahkan.", "en": "User {username} ({role}) added."},
    "users_disable_button": {"id": "Nonaktifkan", "en": "Disable"},
    "users_enable_button": {"id": "Aktifkan lagi", "en": "Enable"},
    "users_disabled": {
        "id": "Pengguna {username} dinonaktifkan: tidak dapat masuk lagi.",
        "en": "User {username} disabled: they can no longer sign in.",
    },
    "users_enabled": {"id": "Pengguna {username} dapat masuk lagi.", "en": "User {username} may sign in again."},
    "users_reset_heading": {"id": "Atur ulang kata sandi", "en": "Reset the password"},
    "users_reset_button": {"id": "Ganti kata sandi", "en": "Replace the password"},
    "users_password_reset": {
        "id": "Kata sandi {username} diganti; kunci karena percobaan gagal dibuka.",
        "en": "Password of {username} replaced; any lock from failed attempts is lifted.",
    },
    "users_role_heading": {"id": "Ubah peran", "en": "Change the role"},
    "users_role_button": {"id": "Simpan peran", "en": "Save the role"},
    "users_role_changed": {"id": "Peran {username} sekarang {role}.", "en": "{username} now has the role {role}."},
    "audit_intro": {
        "id": "Catatan pemrosesan (UU PDP No. 27/2022): siapa, kapan, apa, dengan filter apa dan berapa baris. Catatan hanya ditambah; tidak ada yang dapat mengubahnya dari dasbor.",
        "en": "The record of processing (UU PDP No. 27/2022): who, when, what, with which filters and how many rows. Rows are only added; nobody can change them from the dashboard.",
    },
    "audit_filter_action": {"id": "Tindakan", "en": "Action"},
    "audit_filter_actor": {"id": "Oleh", "en": "By"},
    "audit_filter_dates": {"id": "Tanggal (dari – sampai)", "en": "Dates (from – to)"},
    "audit_all": {"id": "Semua", "en": "All"},
    "audit_col_logged_at": {"id": "Waktu", "en": "Time"},
    "audit_col_actor": {"id": "Oleh", "en": "By"},
    "audit_col_action": {"id": "Tindakan", "en": "Action"},
    "audit_col_rows": {"id": "Baris", "en": "Rows"},
    "audit_col_address": {"id": "Alamat jaringan", "en": "Network address"},
    "audit_col_detail": {"id": "Rincian", "en": "Detail"},
    "audit_count": {"id": "{count} catatan sesuai filter.", "en": "{count} entries match the filters."},
    "audit_limited": {
        "id": "Ditampilkan dan diunduh {shown} catatan terbaru; persempit filter untuk melihat yang lebih lama.",
        "en": "The latest {shown} entries are shown and downloaded; narrow the filters to see older ones.",
    },
    "audit_empty": {"id": "Tidak ada catatan yang sesuai filter.", "en": "No entry matches the filters."},
    "audit_download_csv": {"id": "Unduh jejak audit (.csv)", "en": "Download the audit trail (.csv)"},
    "audit_download_xlsx": {"id": "Unduh jejak audit (.xlsx)", "en": "Download the audit trail (.xlsx)"},
    # --- data page (Kelola Data) -------------------------------------------------------------
    "page_data": {"id": "Kelola data", "en": "Data"},
    "nav_manage": {"id": "Kelola", "en": "Manage"},
    "nav_account": {"id": "Akun", "en": "Account"},
    "page_users": {"id": "Pengguna", "en": "Users"},
    "page_audit": {"id": "Jejak audit", "en": "Audit trail"},
    "page_sign_in": {"id": "Masuk", "en": "Sign in"},
    "sign_in_title": {"id": "Masuk", "en": "Sign in"},
    "sign_in_intro": {
        "id": "Masuk dengan akun yang dibuat administrator Dinas Sosial. Tanpa masuk, dasbor menampilkan angka agregat publik.",
        "en": "Sign in with the account the Dinas Sosial administrator made for you. Without signing in, the dashboard shows public aggregate figures.",
    },
    "sign_in_username": {"id": "Nama pengguna", "en": "Username"},
    "sign_in_password": {"id": "Kata sandi", "en": "Password"},
    "sign_in_button": {"id": "Masuk", "en": "Sign in"},
    "sign_in_public_note": {
        "id": "Sesi berakhir setelah lama tidak digunakan; memuat ulang halaman juga mengakhiri sesi.",
        "en": "A session ends after a while without use; reloading the page also ends it.",
    },
    "sign_out_button": {"id": "Keluar", "en": "Sign out"},
    "page_account": {"id": "Akun", "en": "Account"},
    "sign_in_done": {"id": "Berhasil masuk.", "en": "Signed in."},
    "account_who": {"id": "Masuk sebagai {name} — {role}", "en": "Signed in as {name} — {role}"},
    "account_session": {
        "id": "Sesi berakhir setelah {minutes} menit tanpa klik, saat halaman dimuat ulang, atau dengan tombol Keluar di bilah samping.",
        "en": "The session ends after {minutes} minutes without a click, when the page is reloaded, or with the Sign out button in the sidebar.",
    },
    "account_to_overview": {"id": "Buka Ringkasan", "en": "Open the overview"},
    "sign_in_oidc": {"id": "Masuk dengan akun kantor", "en": "Sign in with the office account"},
    "sign_in_oidc_unregistered": {
        "id": "Akun {email} belum terdaftar di dasbor ini. Minta administrator menambahkan pengguna dengan nama pengguna {email}.",
        "en": "The account {email} is not registered on this dashboard. Ask an administrator to add a user named {email}.",
    },
    "signed_in_as": {"id": "Masuk sebagai", "en": "Signed in as"},
    "session_expired": {
        "id": "Sesi berakhir karena lama tidak digunakan. Silakan masuk lagi.",
        "en": "The session ended after a while without use. Please sign in again.",
    },
    "not_allowed": {
        "id": "Halaman ini tidak tersedia untuk peran Anda. Masuk dengan akun yang berhak, atau hubungi administrator.",
        "en": "This page is not available for your role. Sign in with an account that may open it, or ask an administrator.",
    },
    "role_publik": {"id": "Publik", "en": "Public"},
    "role_admin": {"id": "Admin", "en": "Admin"},
    "role_pimpinan": {"id": "Pimpinan", "en": "Leadership"},
    "role_analis": {"id": "Analis Dinsos", "en": "Dinsos analyst"},
    "role_operator": {"id": "Operator kab/kota", "en": "Kab/kota operator"},
    "role_mitra": {"id": "Mitra (perusahaan)", "en": "Partner (company)"},
    "data_title": {"id": "Kelola data", "en": "Manage data"},
    "data_intro": {
        "id": "Unduh templat, unggah berkas Excel atau CSV, periksa laporan validasi, lalu simpan. Berkas dengan kesalahan tidak disimpan sama sekali; setiap impor dapat dibatalkan.",
        "en": "Download a template, upload an Excel or CSV file, read the validation report, then store it. A file with errors stores nothing; every import can be rolled back.",
    },
    "data_sample_heading": {"id": "Basis data berisi data contoh", "en": "The store holds sample data"},
    "data_sample_blocks_import": {
        "id": "Data resmi tidak dicampur dengan data contoh. Hapus data contoh sebelum impor pertama; data referensi (wilayah, penduduk, kemiskinan) tetap ada.",
        "en": "Official data is never mixed with sample data. Remove the sample data before the first import; the reference data (regions, population, poverty) stays.",
    },
    "data_remove_sample_confirm": {"id": "Ya, hapus semua data contoh", "en": "Yes, remove all sample data"},
    "data_remove_sample": {"id": "Hapus data contoh", "en": "Remove sample data"},
    "data_sample_removed": {"id": "Data contoh dihapus ({rows} baris).", "en": "Sample data removed ({rows} rows)."},
    "data_step_template": {
        "id": "1. Pilih jenis data dan unduh templat",
        "en": "1. Choose the kind of data and download its template",
    },
    "data_kind": {"id": "Jenis data", "en": "Kind of data"},
    "kind_program": {"id": "Program", "en": "Programs"},
    "kind_ppks": {"id": "PPKS", "en": "PPKS (need)"},
    "kind_penerima": {"id": "Penerima manfaat", "en": "Beneficiaries"},
    "kind_mitra": {"id": "Mitra CSR", "en": "CSR partners"},
    "kind_indikator": {"id": "Indikator", "en": "Indicators"},
    "kind_demo": {"id": "Data contoh", "en": "Sample data"},
    "data_download_template": {"id": "Unduh templat {kind} (.xlsx)", "en": "Download the {kind} template (.xlsx)"},
    "data_step_upload": {"id": "2. Unggah dan periksa", "en": "2. Upload and check"},
    "data_upload": {"id": "Berkas {kind} (.xlsx atau .csv)", "en": "{kind} file (.xlsx or .csv)"},
    "data_waiting": {"id": "Belum ada berkas yang diunggah.", "en": "No file uploaded yet."},
    "data_checking": {"id": "Memeriksa berkas…", "en": "Checking the file…"},
    "data_writing": {"id": "Menyimpan ke basis data…", "en": "Storing…"},
    "data_rows_read": {"id": "Baris dibaca", "en": "Rows read"},
    "data_errors": {"id": "Kesalahan", "en": "Errors"},
    "data_warnings": {"id": "Peringatan", "en": "Warnings"},
    "data_has_errors": {
        "id": "{file}: {errors} kesalahan. Tidak ada yang akan disimpan. Perbaiki baris yang disebut di bawah, lalu unggah lagi.",
        "en": "{file}: errors: {errors}. Nothing will be stored. Correct the rows listed below, then upload again.",
    },
    "data_download_report": {"id": "Unduh laporan validasi (.csv)", "en": "Download the validation report (.csv)"},
    "data_ready": {
        "id": "{file}: {rows} baris lolos pemeriksaan dan siap disimpan.",
        "en": "{file}: {rows} rows passed the checks and are ready to be stored.",
    },
    "data_preview": {
        "id": "Pratinjau (20 baris pertama, seperti akan disimpan)",
        "en": "Preview (first 20 rows, as they will be stored)",
    },
    "data_confirm": {"id": "Simpan ke basis data", "en": "Store in the database"},
    "data_cancel": {"id": "Batalkan penyimpanan", "en": "Cancel storing"},
    "data_cancelled": {
        "id": "Penyimpanan dibatalkan; tidak ada yang berubah.",
        "en": "Storing was cancelled; nothing changed.",
    },
    "data_step_history": {"id": "3. Riwayat impor", "en": "3. Import history"},
    "data_no_history": {"id": "Belum ada impor data resmi.", "en": "No official data has been imported yet."},
    "data_rollback_heading": {"id": "Batalkan sebuah impor", "en": "Roll back an import"},
    "data_rollback_choice": {"id": "Impor", "en": "Import"},
    "data_rollback_confirm": {
        "id": "Ya, kembalikan semua baris impor ini ke nilai sebelumnya",
        "en": "Yes, restore every row of this import to its previous values",
    },
    "data_rollback": {"id": "Batalkan impor", "en": "Roll back"},
    "col_severity": {"id": "Jenis", "en": "Type"},
    "col_sheet": {"id": "Lembar", "en": "Sheet"},
    "col_row": {"id": "Baris", "en": "Row"},
    "col_column": {"id": "Kolom", "en": "Column"},
    "col_value": {"id": "Nilai", "en": "Value"},
    "col_problem": {"id": "Masalah dan cara memperbaiki", "en": "Problem and how to fix it"},
    "sev_error": {"id": "Kesalahan", "en": "Error"},
    "sev_warning": {"id": "Peringatan", "en": "Warning"},
    "col_by": {"id": "Oleh", "en": "By"},
    "col_added": {"id": "Baru", "en": "Added"},
    "col_updated": {"id": "Diperbarui", "en": "Updated"},
    "col_unchanged": {"id": "Tetap", "en": "Unchanged"},
    "col_status": {"id": "Status", "en": "Status"},
    "status_committed": {"id": "tersimpan", "en": "stored"},
    "status_rolled_back": {"id": "dibatalkan", "en": "rolled back"},
    "status_removed": {"id": "dihapus", "en": "removed"},
    "status_unchanged": {"id": "tidak ada perubahan", "en": "no change"},
    "data_history_rows": {
        "id": "Jumlah baris dihitung per baris berkas (program: satu baris per wilayah dan sumber dana). Impor berstatus 'tidak ada perubahan' tidak menulis apa pun, jadi tidak dapat dibatalkan.",
        "en": "Rows are counted per row of the file (programs: one row per place and funding source). An import with status 'no change' wrote nothing, so it cannot be rolled back.",
    },
    "data_ready_sample": {
        "id": "{file}: {rows} baris lolos pemeriksaan, tetapi belum dapat disimpan karena basis data masih berisi data contoh. Hapus data contoh dahulu di kotak 'Basis data berisi data contoh' di bagian atas halaman ini, lalu simpan berkas ini.",
        "en": "{file}: {rows} rows passed the checks but cannot be stored yet: the store still holds sample data. Remove the sample data first in the box 'The store holds sample data' at the top of this page, then store this file.",
    },
    "data_ready_refused": {
        "id": "{file}: {rows} baris lolos pemeriksaan, tetapi belum dapat disimpan. {reason}",
        "en": "{file}: {rows} rows passed the checks but cannot be stored yet. {reason}",
    },
    "data_no_nik_key": {
        "id": 'Administrator: kunci penyamaran NIK ({setting}) belum diatur, jadi berkas penerima dengan NIK akan ditolak. Buat kunci sekali dengan `python -c "import secrets; print(secrets.token_hex(32))"`, simpan sebagai `{setting} = "…"` di `.streamlit/secrets.toml` (atau sebagai variabel lingkungan), lalu mulai ulang dasbor. Simpan kunci itu baik-baik: dengan kunci lain, NIK yang sama tidak lagi cocok. Data contoh memakai kunci demo sendiri dan tidak memerlukannya.',
        "en": 'Administrator: the NIK pseudonymisation key ({setting}) is not set, so beneficiary files with NIKs will be refused. Create a key once with `python -c "import secrets; print(secrets.token_hex(32))"`, save it as `{setting} = "…"` in `.streamlit/secrets.toml` (or as an environment variable), then restart the dashboard. Keep the key safe: with another key the same NIK no longer matches. The sample data uses its own demo key and does not need it.',
    },
    # --- map page (Peta) -----------------------------------------------------------------------
    "page_map": {"id": "Peta", "en": "Map"},
    "map_title": {"id": "{metric}, {year}", "en": "{metric}, {year}"},
    "map_metric": {"id": "Ukuran", "en": "Measure"},
    "map_kecamatan": {"id": "Kecamatan", "en": "Subdistrict"},
    "map_all_kecamatan": {"id": "Semua kecamatan", "en": "All subdistricts"},
    "map_points": {"id": "Tampilkan lokasi program", "en": "Show program locations"},
    "map_points_label": {"id": "Lokasi program", "en": "Program locations"},
    "map_points_hover": {"id": "{programs} program · pagu {budget}", "en": "{programs} programs · planned {budget}"},
    "map_points_centroid": {
        "id": "Titik tengah wilayah (program tanpa koordinat)",
        "en": "Region centroid (programs without coordinates)",
    },
    "map_points_hover_site": {
        "id": "lokasi program: lintang {latitude}, bujur {longitude}",
        "en": "program site: latitude {latitude}, longitude {longitude}",
    },
    "map_points_hover_centroid": {
        "id": "titik tengah wilayah: berkasnya tidak memberi lintang/bujur",
        "en": "region centroid: the file gave no latitude/longitude",
    },
    "map_breadcrumb_top": {"id": "Kalimantan Timur", "en": "East Kalimantan"},
    "map_click_hint": {
        "id": "Klik wilayah pada peta atau kotak untuk melihat isinya; pilihan kabupaten/kota berlaku di semua halaman.",
        "en": "Click a region on the map or a square to look inside it; the regency/city you pick applies on every page.",
    },
    "map_desa_hint": {"id": "Tingkat desa/kelurahan: tingkat terendah.", "en": "Village level: the lowest level."},
    "map_no_data": {"id": "Tidak ada data", "en": "No data"},
    "map_top": {"id": "Tertinggi: {name} ({value})", "en": "Highest: {name} ({value})"},
    "map_all_missing": {
        "id": "Belum ada data untuk ukuran ini pada tingkat dan filter ini. Ukuran yang berisi data: {measures}.",
        "en": "There is no data for this measure at this level and in this view. Measures with data: {measures}.",
    },
    "map_tiles_title": {"id": "Sepuluh kabupaten/kota, ukuran sama", "en": "The ten regencies/cities at equal size"},
    "map_rank": {"id": "peringkat {rank} dari {total}", "en": "rank {rank} of {total}"},
    "map_ranked": {"id": "Peringkat", "en": "Ranking"},
    "map_download_csv": {"id": "Unduh tabel (.csv)", "en": "Download the table (.csv)"},
    "map_download_xlsx": {"id": "Unduh tabel (.xlsx)", "en": "Download the table (.xlsx)"},
    "map_population_note": {
        "id": "Penduduk: BPS {year}{unverified}.",
        "en": "Population: BPS {year}{unverified}.",
    },
    "col_rank": {"id": "Peringkat", "en": "Rank"},
    "col_place": {"id": "Wilayah", "en": "Area"},
    "col_code": {"id": "Kode Kemendagri", "en": "Kemendagri code"},
    "col_measure": {"id": "Nilai", "en": "Value"},
    "hover_ppks": {"id": "PPKS", "en": "PPKS"},
    "hover_population": {"id": "Penduduk", "en": "Population"},
    "hover_reached": {"id": "Penerima tercapai", "en": "People reached"},
    "hover_reached_counted": {"id": "dihitung untuk cakupan", "en": "counted for coverage"},
    "metric_ppks_per_1000": {"id": "PPKS per 1.000 penduduk", "en": "PPKS per 1,000 population"},
    "metric_ppks": {"id": "Jumlah PPKS (jiwa)", "en": "PPKS (people)"},
    "metric_poverty_rate": {"id": "Penduduk miskin (%)", "en": "Poverty rate (%)"},
    "metric_budget": {"id": "Pagu (Rp)", "en": "Planned (Rp)"},
    "metric_spent": {"id": "Realisasi (Rp)", "en": "Spent (Rp)"},
    "metric_budget_per_capita": {"id": "Pagu per penduduk (Rp)", "en": "Planned per resident (Rp)"},
    "metric_spent_per_capita": {"id": "Realisasi per penduduk (Rp)", "en": "Spent per resident (Rp)"},
    "metric_budget_per_ppks": {"id": "Pagu per PPKS (Rp)", "en": "Planned per person in need (Rp)"},
    "metric_spent_per_ppks": {"id": "Realisasi per PPKS (Rp)", "en": "Spent per person in need (Rp)"},
    "metric_coverage": {"id": "Cakupan: penerima ÷ PPKS", "en": "Coverage: people reached ÷ PPKS"},
    "metric_beneficiaries": {"id": "Penerima dalam daftar (orang)", "en": "Listed beneficiaries (people)"},
    "metric_programs": {"id": "Jumlah program", "en": "Programs"},
    "metric_ppks_kk": {"id": "Jumlah PPKS (KK)", "en": "PPKS (households)"},
    "metric_coverage_jiwa": {
        "id": "Cakupan: penerima (jiwa) kategori PPKS yang didata ÷ PPKS (jiwa)",
        "en": "Coverage: persons reached in the recorded PPKS categories ÷ PPKS persons",
    },
    "metric_coverage_kk": {
        "id": "Cakupan: penerima (KK) kategori PPKS yang didata ÷ PPKS (KK)",
        "en": "Coverage: households reached in the recorded PPKS categories ÷ PPKS households",
    },
    "map_coverage_help": {
        "id": "Cakupan dihitung per wilayah dan per satuan: penerima (jiwa) program dari kategori PPKS yang "
        "kebutuhannya didata dalam jiwa di wilayah itu, dibagi PPKS (jiwa) wilayah itu. Program Lintas PPKS dan "
        "program kategori yang tidak didata di wilayah itu tidak dihitung; program yang dihitung dalam KK tidak "
        "ditambahkan ke jiwa; program unit/lembaga tidak dihitung sebagai orang.",
        "en": "Coverage is taken per area and per unit: persons reached by programs of the PPKS categories whose "
        "need is recorded in persons in that area, divided by that area's PPKS persons. Cross-category programs "
        "and programs of categories not recorded in the area are left out; programs counted in households are "
        "not added to persons; unit/institution programs count no people.",
    },
    "map_coverage_kk_help": {
        "id": "Cakupan KK per wilayah: penerima (KK) program dari kategori PPKS yang kebutuhannya didata dalam KK "
        "di wilayah itu, dibagi PPKS (KK) wilayah itu. Program Lintas PPKS dan program kategori yang tidak didata "
        "di wilayah itu tidak dihitung; jiwa tidak ditambahkan.",
        "en": "Household coverage per area: households reached by programs of the PPKS categories whose need is "
        "recorded in households in that area, divided by that area's PPKS households. Cross-category programs and "
        "programs of categories not recorded in the area are left out; persons are not added.",
    },
    "map_above": {
        "id": "{amount} untuk {place} dialokasikan di tingkat {level}: {programs} program, penerima tercapai "
        "{people}. Dana ini tidak dibagi ke wilayah di bawahnya, sehingga tidak tampak per wilayah di peta ini.",
        "en": "{amount} for {place} is allocated at {level} level: {programs} programs, people reached "
        "{people}. It is not split among the areas below, so this map does not show it per area.",
    },
    "map_above_coverage": {
        "id": "Program tersebut bisa menjangkau penduduk di wilayah mana pun di bawahnya: cakupan wilayah tanpa "
        "program sendiri ditulis \u201ctidak ada data\u201d, bukan 0.",
        "en": "Those programs may reach people in any area below: the coverage of an area without programs of its "
        "own reads \u201cno data\u201d, not 0.",
    },
    "map_need_above": {
        "id": "PPKS {place} dicatat di tingkat {level} ({people}), tidak per wilayah di bawahnya.",
        "en": "PPKS of {place} are recorded at {level} level ({people}), not per area below it.",
    },
    "map_above_row": {
        "id": "{place} (dialokasikan di tingkat {level})",
        "en": "{place} (allocated at {level} level)",
    },
    "map_hover_above": {
        "id": "Ditambah {programs} program di tingkat {level}",
        "en": "Plus {programs} programs at {level} level",
    },
    "hover_need_level": {"id": "data tingkat {levels}", "en": "{levels}-level figures"},
    "map_col_ppks_jiwa": {"id": "PPKS (jiwa)", "en": "PPKS (persons)"},
    "map_col_ppks_kk": {"id": "PPKS (KK)", "en": "PPKS (households)"},
    "map_col_need_level": {"id": "Tingkat data PPKS", "en": "PPKS data level"},
    "map_col_reached_jiwa": {"id": "Penerima tercapai (jiwa)", "en": "People reached (persons)"},
    "map_col_reached_kk": {"id": "Penerima tercapai (KK)", "en": "Households reached"},
    # --- funding page (Pendanaan) ------------------------------------------------------------
    "page_funding": {"id": "Pendanaan", "en": "Funding"},
    "funding_title": {"id": "Pendanaan {year}", "en": "Funding {year}"},
    "funding_stages": {
        "id": "Dari pagu ke realisasi, per sumber dana",
        "en": "From planned to spent, by funding source",
    },
    "kpi_committed": {"id": "Komitmen CSR/PPM", "en": "Committed, CSR/PPM"},
    "kpi_committed_help": {
        "id": "Dana yang dijanjikan oleh CSR/TJSL dan PPM pada filter ini, dari pagu CSR/PPM {budget}; sumber lain tidak berjanji lebih dulu.",
        "en": "Amounts pledged by CSR/TJSL and PPM in this view, of a CSR/PPM budget of {budget}; other sources do not pledge ahead.",
    },
    "funding_by_region": {"id": "Per kabupaten/kota", "en": "By regency/city"},
    "funding_measure": {"id": "Tampilkan", "en": "Show"},
    "funding_total": {"id": "Jumlah", "en": "Total"},
    "funding_per_capita": {"id": "Per penduduk", "en": "Per resident"},
    "funding_per_ppks": {"id": "Per PPKS", "en": "Per person in need"},
    "axis_per_capita": {"id": "Pagu per penduduk (Rp)", "en": "Planned per resident (Rp)"},
    "axis_per_ppks": {"id": "Pagu per PPKS (Rp)", "en": "Planned per person in need (Rp)"},
    "hover_total": {"id": "Jumlah", "en": "Total"},
    "axis_per_ppks_jiwa": {"id": "Pagu per PPKS (Rp per jiwa)", "en": "Planned per person in need (Rp per person)"},
    "funding_per_capita_note": {
        "id": "Per penduduk: pagu ÷ penduduk kabupaten/kota yang sama (BPS {year}).",
        "en": "Per resident: planned ÷ population of the same regency/city (BPS {year}).",
    },
    "funding_per_ppks_note": {
        "id": "Per PPKS: pagu ÷ PPKS {year} dalam jiwa di kabupaten/kota yang sama, dari data tingkat {levels}; "
        "PPKS yang dihitung dalam KK tidak dicampur.",
        "en": "Per person in need: planned ÷ PPKS {year} counted in persons in the same regency/city, from "
        "{levels}-level figures; PPKS counted in households are not mixed in.",
    },
    "funding_left_out": {
        "id": "Tidak ditampilkan karena datanya belum ada: {regions}.",
        "en": "Not shown, as their figures are missing: {regions}.",
    },
    "funding_per_missing": {
        "id": "Belum ada data {what} untuk kabupaten/kota pada filter ini. Impor datanya di halaman Kelola data.",
        "en": "There are no {what} figures for the regencies/cities in this view. Import them on the data page.",
    },
    "what_population": {"id": "penduduk", "en": "population"},
    "what_ppks_jiwa": {"id": "PPKS dalam jiwa", "en": "PPKS in persons"},
    "funding_flows_joined": {
        "id": "Pagu. Kategori di luar tujuh terbesar digabung menjadi '{other}'.",
        "en": "Planned amounts. Categories beyond the seven largest are joined as '{other}'.",
    },
    "funding_by_ppks": {"id": "Per kategori PPKS", "en": "By PPKS category"},
    "funding_by_assistance": {"id": "Per bentuk bantuan", "en": "By assistance type"},
    "funding_flows": {
        "id": "Aliran dana: sumber → kategori PPKS → kabupaten/kota",
        "en": "Money flows: source → PPKS category → regency/city",
    },
    "funding_trends": {"id": "Tren per sumber dana", "en": "Trend by funding source"},
    "funding_share": {
        "id": "Pangsa CSR/TJSL dan PPM dalam total pagu",
        "en": "CSR/TJSL and PPM share of the planned total",
    },
    "funding_trend_note": {
        "id": "Semua tahun; filter lain tetap berlaku.",
        "en": "All years; the other filters apply.",
    },
    "funding_implementers": {"id": "Penyelenggara dengan pagu terbesar", "en": "Implementers with the largest budgets"},
    "col_implementer": {"id": "Penyelenggara", "en": "Implementer"},
    "col_partner": {"id": "Mitra terdaftar", "en": "Registered partner"},
    "col_sources": {"id": "Sumber dana", "en": "Funding sources"},
    "funding_programs": {"id": "Daftar program", "en": "Programs"},
    "funding_tab_sources": {"id": "Sumber dan wilayah", "en": "Sources and regions"},
    "funding_tab_categories": {"id": "Kategori dan aliran", "en": "Categories and flows"},
    "funding_tab_trends": {"id": "Tren dan pelaksana", "en": "Trends and implementers"},
    "all_statuses": {"id": "Semua status", "en": "All statuses"},
    "funding_search": {"id": "Cari program, kode atau penyelenggara", "en": "Search program, code or implementer"},
    "funding_status": {"id": "Status", "en": "Status"},
    "funding_pick": {
        "id": "Pilih satu baris untuk melihat rincian program.",
        "en": "Select a row to see the program's details.",
    },
    "funding_no_match": {
        "id": "Tidak ada program yang cocok dengan pencarian ini.",
        "en": "No program matches this search.",
    },
    "col_program_code": {"id": "Kode", "en": "Code"},
    "col_program": {"id": "Program", "en": "Program"},
    "col_assistance": {"id": "Bentuk bantuan", "en": "Assistance"},
    "col_places": {"id": "Tempat", "en": "Places"},
    "col_target": {"id": "Target penerima", "en": "Target"},
    "col_reached": {"id": "Penerima tercapai", "en": "Reached"},
    "col_unit": {"id": "Satuan", "en": "Unit"},
    "col_place_level": {"id": "Tingkat", "en": "Level"},
    "funding_detail": {"id": "Rincian: {name}", "en": "Details: {name}"},
    "funding_detail_meta": {
        "id": "{code} · {implementer} · {year} · status {status} · {start} s.d. {end}",
        "en": "{code} · {implementer} · {year} · status {status} · {start} to {end}",
    },
    "funding_detail_people": {
        "id": "Target {target} {unit}, tercapai {reached} {unit} (dihitung sekali per tempat).",
        "en": "Target {target} {unit}, reached {reached} {unit} (counted once per place).",
    },
    "funding_download_csv": {"id": "Unduh daftar (.csv)", "en": "Download the list (.csv)"},
    "funding_download_xlsx": {"id": "Unduh daftar (.xlsx)", "en": "Download the list (.xlsx)"},
    "funding_empty": {
        "id": "Tidak ada program pada filter ini ({what}). Ubah tahun, wilayah, sumber dana atau kategori.",
        "en": "There are no programs in this view ({what}). Change the year, region, funding source or category.",
    },
    # --- gaps and overlaps page (Celah & Tumpang Tindih) ----------------------------------------
    "page_gaps": {"id": "Celah & tumpang tindih", "en": "Gaps & overlaps"},
    "gaps_title": {"id": "Celah & tumpang tindih {year}", "en": "Gaps & overlaps {year}"},
    "gaps_settings": {"id": "Ambang (dapat diubah)", "en": "Thresholds (adjustable)"},
    "gaps_gap_threshold": {"id": "CELAH bila cakupan di bawah (%)", "en": "GAP when coverage is below (%)"},
    "gaps_overlap_threshold": {
        "id": "TUMPANG TINDIH bila 2+ program/sumber dan cakupan di atas (%)",
        "en": "OVERLAP when 2+ programs/sources and coverage is above (%)",
    },
    "gaps_suppress": {"id": "Sembunyikan jumlah orang di bawah", "en": "Hide counts of people below"},
    "kpi_gaps": {"id": "Celah", "en": "Gaps"},
    "kpi_gaps_help": {
        "id": "Wilayah × kategori dengan cakupan di bawah ambang.",
        "en": "Region × category pairs with coverage below the threshold.",
    },
    "kpi_overlaps": {"id": "Tumpang tindih", "en": "Overlaps"},
    "kpi_overlaps_help": {
        "id": "Wilayah × kategori dengan 2+ program/sumber dan cakupan di atas ambang.",
        "en": "Region × category pairs with 2+ programs/sources and coverage above the threshold.",
    },
    "kpi_unmet": {"id": "PPKS belum terjangkau", "en": "People in need not reached"},
    "kpi_unmet_help": {
        "id": "Jumlah PPKS dikurangi penerima tercapai, per wilayah × kategori.",
        "en": "People in need minus people reached, per region × category.",
    },
    "kpi_multi": {"id": "Orang di 2+ program", "en": "People in 2+ programs"},
    "kpi_multi_help": {
        "id": "Dari daftar penerima (NIK tersamar), tahun ini.",
        "en": "From the beneficiary lists (pseudonymised NIK), this year.",
    },
    "agenda_title": {"id": "Agenda rapat koordinasi", "en": "Coordination meeting agenda"},
    "gaps_tab_agenda": {"id": "Celah dan agenda", "en": "Gaps and agenda"},
    "gaps_tab_overlaps": {"id": "Tumpang tindih penerima", "en": "Beneficiary overlaps"},
    "gaps_tab_recommend": {"id": "Rekomendasi CSR", "en": "CSR recommendations"},
    "gaps_tab_check": {"id": "Periksa daftar", "en": "Check a list"},
    "agenda_none": {
        "id": "Tidak ada celah atau tumpang tindih di atas ambang pada filter ini.",
        "en": "No gaps or overlaps above the thresholds in this view.",
    },
    "agenda_programs": {"id": "{count} program ({sources})", "en": "{count} programs ({sources})"},
    "col_kind_flag": {"id": "Jenis", "en": "Kind"},
    "col_explanation": {"id": "Penjelasan", "en": "Explanation"},
    "flag_gap": {"id": "✕ Celah", "en": "✕ Gap"},
    "flag_overlap": {"id": "! Tumpang tindih", "en": "! Overlap"},
    "flag_none": {"id": "Lainnya", "en": "Other"},
    "quadrant_title": {"id": "Kebutuhan dan dana per PPKS", "en": "Need and money per person in need"},
    "quadrant_note": {
        "id": "Garis putus-putus: median. Kanan bawah: kebutuhan besar, dana per orang kecil (kurang terlayani); kiri atas: sebaliknya.",
        "en": "Dashed lines: medians. Bottom right: large need, little money per person (under-served); top left: the reverse.",
    },
    "heat_title_kabupaten_kota": {
        "id": "Cakupan per kabupaten/kota dan kategori PPKS",
        "en": "Coverage by regency/city and PPKS category",
    },
    "heat_title_kecamatan": {
        "id": "Cakupan per kecamatan dan kategori PPKS",
        "en": "Coverage by subdistrict and PPKS category",
    },
    "people_overlap_title": {
        "id": "Penerima di lebih dari satu program (NIK tersamar)",
        "en": "Beneficiaries in more than one program (pseudonymised NIK)",
    },
    "people_overlap_note": {
        "id": "Hanya jumlah; jumlah di bawah {threshold} ditampilkan sebagai '< {threshold}'. Seseorang dihitung di kabupaten/kota barisnya.",
        "en": "Counts only; counts below {threshold} are shown as '< {threshold}'. A person counts in the regency/city of their row.",
    },
    "col_people": {"id": "Penerima", "en": "People"},
    "col_multi_program": {"id": "2+ program", "en": "2+ programs"},
    "col_cross_source": {"id": "2+ sumber dana", "en": "2+ funding sources"},
    "col_same_kind": {"id": "Bantuan sejenis ganda", "en": "Same kind of help twice"},
    "pairs_title": {
        "id": "Pasangan sumber dana pada orang yang sama",
        "en": "Pairs of funding sources reaching the same people",
    },
    "col_pair": {"id": "Pasangan", "en": "Pair"},
    "program_pairs_title": {
        "id": "Pasangan program dengan penerima yang sama terbanyak",
        "en": "Program pairs sharing the most people",
    },
    "targeting_title": {"id": "Tepat sasaran: penerima di desil 1–4", "en": "On target: beneficiaries in deciles 1–4"},
    "targeting_note": {
        "id": "Hanya penerima yang desilnya tercatat. Desil 1 yang tercatat pada tahun sebelumnya tetapi tidak menerima program apa pun tahun ini: {count} orang.",
        "en": "Only beneficiaries with a recorded decile. People in decile 1 listed in an earlier year but in no program this year: {count}.",
    },
    "col_listed": {"id": "Penerima dengan desil", "en": "Listed with decile"},
    "col_poorest": {"id": "Di desil 1–4", "en": "In deciles 1–4"},
    "col_name_program_source": {"id": "Program / sumber dana", "en": "Program / funding source"},
    "recommend_title": {"id": "Rekomendasi untuk mitra CSR", "en": "Recommendations for CSR partners"},
    "recommend_budget": {"id": "Anggaran yang tersedia (Rp)", "en": "Budget available (Rp)"},
    "recommend_note": {
        "id": "Celah terbesar lebih dulu. Biaya per orang = pagu ÷ penerima tercapai pada kategori itu di seluruh provinsi tahun ini. Dana = celah × biaya per orang, sampai anggaran habis.",
        "en": "Largest gaps first. Cost per person = planned ÷ people reached in that category across the province this year. Amount = gap × cost per person, until the budget is spent.",
    },
    "recommend_none": {
        "id": "Tidak ada celah dengan biaya per orang yang diketahui pada filter ini.",
        "en": "No gap with a known cost per person in this view.",
    },
    "col_unmet": {"id": "Belum terjangkau (jiwa)", "en": "Not reached (people)"},
    "col_unit_cost": {"id": "Biaya per orang", "en": "Cost per person"},
    "col_amount": {"id": "Dana yang disarankan", "en": "Suggested amount"},
    "col_people_covered": {"id": "Orang terjangkau", "en": "People reached"},
    "col_closes": {"id": "Menutup celah", "en": "Closes the gap"},
    "check_title": {"id": "Periksa daftar Anda tanpa membukanya", "en": "Check your own list without revealing it"},
    "check_intro": {
        "id": "Unggah CSV berisi kolom nik (16 angka) atau nik_hash (dari perintah `python -m data_loaders hash-nik`). Yang kembali hanya jumlah orang yang sudah menerima bantuan, per kabupaten/kota dan bentuk bantuan. Berkas tidak disimpan.",
        "en": "Upload a CSV with a nik column (16 digits) or nik_hash (from `python -m data_loaders hash-nik`). Only counts of people who already receive help come back, per regency/city and assistance type. The file is not stored.",
    },
    "check_upload": {"id": "Daftar NIK (.csv)", "en": "NIK list (.csv)"},
    "check_result": {
        "id": "{found} dari {total} orang di daftar Anda sudah menerima bantuan pada {year}.",
        "en": "{found} of {total} people on your list already receive help in {year}.",
    },
    "check_bad": {
        "id": "Daftar tidak terbaca: perlu kolom nik (16 angka) atau nik_hash. {detail}",
        "en": "The list cannot be read: it needs a nik (16 digits) or nik_hash column. {detail}",
    },
    "no_beneficiaries": {
        "id": "Belum ada daftar penerima untuk tahun ini.",
        "en": "There are no beneficiary lists for this year.",
    },
    "signed_in_only": {
        "id": "Bagian ini (data tingkat penerima) hanya untuk pengguna yang masuk.",
        "en": "This section (beneficiary-level data) is for signed-in users only.",
    },
    "not_for_role": {
        "id": "Bagian ini tidak tersedia untuk peran Anda.",
        "en": "This section is not available to your role.",
    },
    "public_small_note": {
        "id": "Tampilan publik: angka kebutuhan (PPKS) di bawah {count} jiwa/KK per wilayah dan kategori tidak diterbitkan dan tidak ikut dijumlahkan.",
        "en": "Public view: need (PPKS) figures below {count} persons/households per region and category are not published and not added into any total.",
    },
    "mitra_own_only": {
        "id": "Angka penerima di bagian ini hanya menghitung penerima program perusahaan Anda sendiri.",
        "en": "The beneficiary figures in this section count only the beneficiaries of your own company's programs.",
    },
    "check_limit": {
        "id": "Anda sudah memeriksa {count} daftar hari ini, batas harian pemeriksaan jumlah. Coba lagi besok, atau minta Analis Dinas Sosial memeriksanya.",
        "en": "You have checked {count} lists today, the daily limit of count checks. Try again tomorrow, or ask a Dinas Sosial analyst to check it.",
    },
    "check_too_short": {
        "id": "Daftar berisi {listed} orang; pemeriksaan jumlah memerlukan paling sedikit {minimum} orang berbeda, agar jumlah tidak menunjukkan bantuan satu orang. Tambahkan orang ke daftar lalu unggah lagi.",
        "en": "The list holds {listed} people; a count check needs at least {minimum} different people, so that counts do not show one person's help. Add people to the list and upload it again.",
    },
    "check_counts_intro": {
        "id": "Unggah CSV berisi kolom nik (16 angka) atau nik_hash, paling sedikit {minimum} orang. Yang kembali hanya jumlah orang di daftar Anda yang tahun ini sudah menerima bantuan dari program lain (bukan program Anda sendiri) di seluruh Kalimantan Timur, per sumber dana, dibulatkan ke bawah per {count} (di bawah {count}: '< {count}'). Berkas tidak disimpan; pemeriksaan dicatat di jejak audit.",
        "en": "Upload a CSV with a nik (16 digits) or nik_hash column, at least {minimum} people. Only counts come back: how many people on your list already receive help from other programs (not your own) anywhere in East Kalimantan this year, per funding source, rounded down to tens of {count} (below {count}: '< {count}'). The file is not stored; the check is recorded in the audit trail.",
    },
    "eval_lock_admin_only": {
        "id": "Hanya admin yang dapat mengunci atau membuka tahun.",
        "en": "Only an administrator can lock or unlock years.",
    },
    "gaps_need_missing": {
        "id": "Data kebutuhan (PPKS) {year} belum ada untuk {region}, padahal ada {programs} program dengan kategori PPKS. Celah dan tumpang tindih tidak dapat dinilai tanpa data itu; ini tidak berarti tidak ada celah. Impor data jenis 'ppks' di halaman {page}, atau jalankan: python -m data_loaders import BERKAS --kind ppks",
        "en": "Need (PPKS) data for {year} is missing for {region}, although there are {programs} programs with a PPKS category. Gaps and overlaps cannot be judged without it; this does not mean there are none. Import the 'ppks' kind on the {page} page, or run: python -m data_loaders import FILE --kind ppks",
    },
    "gaps_note_units": {
        "id": "Cakupan = penerima tercapai ÷ PPKS pada wilayah, kategori dan tahun yang sama, dalam satuan data PPKS (jiwa atau KK). Penerima program yang dihitung dalam satuan lain ditampilkan di samping, tidak dijumlahkan; program dalam satuan unit atau lembaga tidak dihitung sebagai orang. Penerima dijumlahkan antarprogram, sehingga cakupan di atas 100 % dengan beberapa program menandakan kemungkinan tumpang tindih. Program Lintas PPKS tidak dihitung per kategori.",
        "en": "Coverage = people reached ÷ PPKS in the same area, category and year, in the unit of the PPKS data (persons or households). People reached by programs counted in the other unit are shown beside it, never added; programs counted in units or institutions count no people. People are summed across programs, so coverage above 100 % with several programs points to a likely overlap. Cross-category programs are not counted per category.",
    },
    "gaps_min_need_unit": {
        "id": "Kebutuhan minimal yang ditandai (jiwa atau KK)",
        "en": "Smallest need that is flagged (persons or households)",
    },
    "gaps_kecamatan_whole": {
        "id": "Per kecamatan di {region}. Program dan PPKS yang dicatat untuk seluruh {region} tampil sebagai baris tersendiri {whole}, tidak dibagi ke kecamatan.",
        "en": "By subdistrict in {region}. Programs and PPKS recorded for {region} as a whole appear as a row of their own {whole}, not spread over the subdistricts.",
    },
    "kpi_unmet_help_units": {
        "id": "PPKS dikurangi penerima tercapai dalam satuan yang sama, per wilayah × kategori. Jiwa dan KK tidak dijumlahkan.",
        "en": "People in need minus people reached in the same unit, per area × category. Persons and households are never added.",
    },
    "agenda_no_program_unit": {
        "id": "{place}: {need} membutuhkan, belum ada program.",
        "en": "{place}: {need} in need, no program yet.",
    },
    "agenda_gap_unit": {
        "id": "{place}: {programs} menjangkau {reached} dari {need} ({share}); celah {unmet}.",
        "en": "{place}: {programs} reach {reached} of {need} ({share}); a gap of {unmet}.",
    },
    "agenda_overlap_unit": {
        "id": "{place}: {programs} menjangkau {reached} dari kebutuhan {need}; kemungkinan tumpang tindih.",
        "en": "{place}: {programs} reach {reached} against a need of {need}; a likely overlap.",
    },
    "agenda_other_unit": {
        "id": "Selain itu program yang dihitung dalam satuan lain menjangkau {reached} (tidak dijumlahkan).",
        "en": "Besides, programs counted in the other unit reach {reached} (not added).",
    },
    "axis_need_unit": {"id": "PPKS ({unit})", "en": "People in need ({unit})"},
    "agenda_program_one": {"id": "{count} program ({sources})", "en": "{count} program ({sources})"},
    "agenda_gap_one": {
        "id": "{place}: {programs} menjangkau {reached} dari {need} ({share}); celah {unmet}.",
        "en": "{place}: {programs} reaches {reached} of {need} ({share}); a gap of {unmet}.",
    },
    "agenda_overlap_one": {
        "id": "{place}: {programs} menjangkau {reached} dari kebutuhan {need}; kemungkinan tumpang tindih.",
        "en": "{place}: {programs} reaches {reached} against a need of {need}; a likely overlap.",
    },
    "gaps_no_need_data": {
        "id": "Tanpa data PPKS {year}, bagian ini tidak dapat digambar.",
        "en": "Without PPKS data for {year}, this part cannot be drawn.",
    },
    "agenda_region_wide_kabupaten_kota": {
        "id": "Dialokasikan di tingkat kabupaten/kota (seluruh wilayah, tidak dibagi ke kecamatan): {programs}.",
        "en": "Allocated at regency/city level (the whole area, not spread over subdistricts): {programs}.",
    },
    "agenda_region_wide_provinsi": {
        "id": "Dialokasikan di tingkat provinsi (seluruh provinsi, tidak dibagi ke kabupaten/kota): {programs}.",
        "en": "Allocated at province level (the whole province, not spread over regencies/cities): {programs}.",
    },
    "region_programs_reach": {"id": "{count} program menjangkau {reached}", "en": "{count} programs reach {reached}"},
    "region_programs_reach_one": {
        "id": "{count} program menjangkau {reached}",
        "en": "{count} program reaches {reached}",
    },
    "region_programs_unreported": {
        "id": "{count} program, tanpa penerima (orang) yang dilaporkan",
        "en": "{count} programs, no people reached are reported",
    },
    "region_programs_unreported_one": {
        "id": "{count} program, tanpa penerima (orang) yang dilaporkan",
        "en": "{count} program, no people reached are reported",
    },
    "whole_region_provinsi": {"id": "(tingkat provinsi)", "en": "(province level)"},
    "whole_region_kabupaten_kota": {"id": "(tingkat kabupaten/kota)", "en": "(regency/city level)"},
    "agenda_no_people": {
        "id": "{place}: {need} membutuhkan; {programs} dihitung dalam unit/lembaga; tidak ada penerima (orang) yang dilaporkan.",
        "en": "{place}: {need} in need; {programs} are counted in units or institutions; no people reached are reported.",
    },
    "agenda_no_people_one": {
        "id": "{place}: {need} membutuhkan; {programs} dihitung dalam unit/lembaga; tidak ada penerima (orang) yang dilaporkan.",
        "en": "{place}: {need} in need; {programs} is counted in units or institutions; no people reached are reported.",
    },
    "agenda_reach_unreported": {
        "id": "{place}: {programs} untuk {need} membutuhkan; jangkauan tidak dilaporkan.",
        "en": "{place}: {programs} for {need} in need; reach not reported.",
    },
    "gaps_unreported": {
        "id": "{count} wilayah × kategori dengan PPKS belum punya angka penerima (orang): program di sana dihitung dalam unit/lembaga atau tidak melaporkan jangkauan. Angka itu tidak dianggap nol dan tidak masuk PPKS belum terjangkau; sel seperti itu ditandai celah hanya bila tidak ada program yang menghitung orang.",
        "en": "{count} area × category pairs with people in need have no figure of people reached: their programs are counted in units or institutions or report no reach. It is not read as zero and is left out of people in need not reached; such a cell is flagged as a gap only when no program there counts people.",
    },
    "heat_note_people": {
        "id": "– ✕: celah tanpa angka penerima (orang) — hanya program dalam unit/lembaga.",
        "en": "– ✕: a gap without a figure of people reached — only programs counted in units or institutions.",
    },
    "quadrant_hover": {
        "id": "PPKS {need}<br>{money} per PPKS · cakupan {coverage}",
        "en": "In need {need}<br>{money} per person in need · coverage {coverage}",
    },
    "heat_note_units": {
        "id": "Sel: cakupan dalam satuan data PPKS (penerima tercapai ÷ PPKS). ✕ celah, ! tumpang tindih, – tanpa data PPKS. Sepuluh kategori dengan kebutuhan terbesar.",
        "en": "Cells: coverage in the unit of the PPKS data (people reached ÷ PPKS). ✕ gap, ! overlap, – no PPKS data. The ten categories with the largest need.",
    },
    "people_total": {"id": "Jumlah (setiap orang sekali)", "en": "Total (each person once)"},
    "recommend_note_units": {
        "id": "Celah terbesar lebih dulu. Biaya per orang = pagu ÷ penerima tercapai dari program pada kategori dan satuan (jiwa atau KK) yang sama di tampilan ini tahun ini. Dana = celah × biaya per orang, sampai anggaran habis. Celah tanpa biaya per orang yang diketahui dilewati.",
        "en": "Largest gaps first. Cost per person = planned ÷ people reached by the programs of the same category and unit (persons or households) in this view this year. Amount = gap × cost per person, until the budget is spent. Gaps without a known cost per person are skipped.",
    },
    "col_need_jiwa": {"id": "PPKS (jiwa)", "en": "In need (persons)"},
    "col_need_kk": {"id": "PPKS (KK)", "en": "In need (households)"},
    "col_reached_jiwa": {"id": "Tercapai (jiwa)", "en": "Reached (persons)"},
    "col_reached_kk": {"id": "Tercapai (KK)", "en": "Reached (households)"},
    "col_coverage_unit": {"id": "Cakupan (satuan PPKS)", "en": "Coverage (PPKS unit)"},
    "col_flag": {"id": "Tanda", "en": "Flag"},
    "col_unmet_any": {"id": "Belum terjangkau", "en": "Not reached"},
    "col_people_in_unit": {"id": "Orang terjangkau", "en": "People reached"},
    # --- evaluation page (Evaluasi) ----------------------------------------------------------------
    "page_evaluation": {"id": "Evaluasi", "en": "Evaluation"},
    "eval_title": {"id": "Evaluasi {year}", "en": "Evaluation {year}"},
    "eval_lights": {
        "id": "Lampu: ✓ hijau ≥ {green}, ! kuning {amber}–{green}, ✕ merah < {amber} dari target (dibalik untuk indikator 'turun'); – tanpa data.",
        "en": "Lights: ✓ green ≥ {green}, ! amber {amber}–{green}, ✕ red < {amber} of target (inverted for 'lower is better'); – no data.",
    },
    "light_green": {"id": "✓ sesuai target", "en": "✓ on target"},
    "light_amber": {"id": "! perlu perhatian", "en": "! needs attention"},
    "light_red": {"id": "✕ tertinggal", "en": "✕ behind"},
    "light_none": {"id": "– tanpa data", "en": "– no data"},
    "word_green": {"id": "sesuai target", "en": "on target"},
    "word_amber": {"id": "perlu perhatian", "en": "needs attention"},
    "word_red": {"id": "tertinggal", "en": "behind"},
    "word_none": {"id": "tanpa data", "en": "no data"},
    "nar_realisation": {
        "id": "Realisasi anggaran {region} {year} mencapai {share} ({light}).",
        "en": "Budget realisation in {region} {year} reached {share} ({light}).",
    },
    "nar_no_budget": {
        "id": "Belum ada anggaran tercatat untuk {region} {year}.",
        "en": "No budget is recorded for {region} {year}.",
    },
    "nar_spm_below": {
        "id": "{below} dari {total} indikator SPM di bawah target.",
        "en": "{below} of {total} SPM indicators are below target.",
    },
    "nar_spm_all_met": {
        "id": "Semua {total} indikator SPM mencapai target.",
        "en": "All {total} SPM indicators meet their target.",
    },
    "nar_no_spm": {"id": "Belum ada data indikator SPM.", "en": "There is no SPM indicator data yet."},
    "nar_missing_reports": {
        "id": "{count} penyelenggara belum melaporkan realisasi.",
        "en": "{count} implementers have not reported their realisation.",
    },
    "eval_tab_indicators": {"id": "Indikator SPM", "en": "SPM indicators"},
    "eval_tab_programs": {"id": "Program", "en": "Programs"},
    "eval_tab_scorecards": {"id": "Kartu skor", "en": "Scorecards"},
    "eval_tab_reporting": {"id": "Kepatuhan pelaporan", "en": "Reporting compliance"},
    "eval_tab_periods": {"id": "Kunci periode", "en": "Period locking"},
    "eval_by": {"id": "Menurut", "en": "By"},
    "eval_by_source": {"id": "Sumber dana", "en": "Funding source"},
    "eval_by_region": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "eval_by_implementer": {"id": "Penyelenggara", "en": "Implementer"},
    "eval_by_program": {"id": "Program", "en": "Program"},
    "kpi_on_time": {"id": "Program dilaporkan tepat waktu", "en": "Programs reported on time"},
    "kpi_on_time_help": {
        "id": "Realisasi dilaporkan paling lambat 31 Januari tahun berikutnya. Data contoh tidak dinilai ketepatannya.",
        "en": "Realisation reported by 31 January of the next year. Sample data is not judged on timeliness.",
    },
    "col_indicator": {"id": "Indikator", "en": "Indicator"},
    "col_indicator_target": {"id": "Target", "en": "Target"},
    "col_baseline": {"id": "Baseline", "en": "Baseline"},
    "col_actual": {"id": "Capaian", "en": "Actual"},
    "col_achievement": {"id": "Capaian ÷ target", "en": "Achievement"},
    "col_light": {"id": "Lampu", "en": "Light"},
    "col_period": {"id": "Periode", "en": "Period"},
    "col_realisation_light": {"id": "Lampu realisasi", "en": "Realisation light"},
    "col_reached_share": {"id": "Penerima ÷ target", "en": "Reached ÷ target"},
    "col_reached_light": {"id": "Lampu penerima", "en": "Reach light"},
    "eval_trend": {
        "id": "Realisasi anggaran per tahun dan sumber dana",
        "en": "Budget realisation per year and funding source",
    },
    "eval_no_indicators": {
        "id": "Belum ada data indikator untuk tahun dan wilayah ini.",
        "en": "There is no indicator data for this year and region.",
    },
    "eval_scorecard_region": {"id": "Kartu skor {region}", "en": "Scorecard: {region}"},
    "eval_scorecard_implementer": {"id": "Kartu skor penyelenggara", "en": "Implementer scorecard"},
    "eval_pick_implementer": {"id": "Penyelenggara", "en": "Implementer"},
    "eval_completeness": {
        "id": "Kelengkapan data: {reported} dari {programs} program melaporkan realisasi; {indicators} dari {defined} indikator berisi capaian.",
        "en": "Data completeness: {reported} of {programs} programs reported their realisation; {indicators} of {defined} indicators have an actual value.",
    },
    "eval_reported": {
        "id": "{reported} dari {programs} program melaporkan realisasi.",
        "en": "{reported} of {programs} programs reported their realisation.",
    },
    "eval_reporting_note": {
        "id": "✓ semua program dilaporkan tepat waktu · ! terlambat · ✕ ada program tanpa realisasi. Batas: 31 Januari tahun berikutnya.",
        "en": "✓ every program reported on time · ! late · ✕ a program without realisation. Deadline: 31 January of the next year.",
    },
    "eval_missing_title": {"id": "Laporan yang belum masuk ({year})", "en": "Reports still missing ({year})"},
    "eval_missing_none": {
        "id": "Semua penyelenggara sudah melaporkan realisasi {year}.",
        "en": "Every implementer has reported its {year} realisation.",
    },
    "status_on_time": {"id": "✓ tepat waktu", "en": "✓ on time"},
    "status_late": {"id": "! terlambat", "en": "! late"},
    "status_missing": {"id": "✕ belum lengkap", "en": "✕ incomplete"},
    "eval_locked": {"id": "Tahun terkunci: {years}.", "en": "Locked years: {years}."},
    "eval_none_locked": {"id": "Belum ada tahun yang dikunci.", "en": "No year is locked yet."},
    "eval_lock_year": {"id": "Tahun", "en": "Year"},
    "eval_lock": {"id": "Kunci tahun ini", "en": "Lock this year"},
    "eval_unlock": {"id": "Buka kunci", "en": "Unlock"},
    "eval_lock_note": {
        "id": "Impor ke tahun yang terkunci ditolak dengan pesan yang jelas. Belum ada sistem masuk: siapa pun yang membuka halaman ini dapat mengunci; peran administrator menyusul.",
        "en": "Imports into a locked year are refused with a clear message. There is no sign-in yet: anyone on this page can lock; the administrator role comes later.",
    },
    "col_programs_reported": {"id": "Dilaporkan", "en": "Reported"},
    "nar_reached_units": {"id": "Penerima tercapai {parts}.", "en": "People reached are {parts}."},
    "nar_reached_part": {"id": "{share} dari target ({unit})", "en": "{share} of target ({unit})"},
    "nar_and": {"id": " dan ", "en": " and "},
    "status_reported": {"id": "✓ dilaporkan", "en": "✓ reported"},
    "eval_on_time_sample": {
        "id": "Tidak dihitung: data contoh tidak punya batas waktu pelaporan.",
        "en": "Not computed: sample data has no reporting due date.",
    },
    "eval_on_time_no_programs": {
        "id": "Tidak dihitung: belum ada program tahun ini.",
        "en": "Not computed: there are no programs this year.",
    },
    "eval_reporting_sample_note": {
        "id": "✓ dilaporkan: realisasi masuk dari data contoh, yang tidak punya batas waktu; ketepatan waktunya tidak dinilai.",
        "en": "✓ reported: realisation came with the sample data, which has no due date; timeliness is not judged.",
    },
    "col_reach_unit": {"id": "Penerima ÷ target ({unit})", "en": "Reached ÷ target ({unit})"},
    "col_reach_light_unit": {"id": "Lampu penerima ({unit})", "en": "Reach light ({unit})"},
    "col_year": {"id": "Tahun", "en": "Year"},
    "eval_reach_note": {
        "id": "Penerima dihitung sekali per program dan lokasi, hanya tempat yang melaporkan capaian; jiwa dan KK tidak dijumlahkan. Program bersatuan unit atau lembaga tidak dihitung sebagai orang.",
        "en": "People are counted once per program and place, only where reached is reported; persons and households are never added. Programs counted in units or institutions are not counted as people.",
    },
    # --- meeting mode (Mode Rapat) ---------------------------------------------------------
    "page_meeting": {"id": "Mode Rapat", "en": "Meeting mode"},
    "meeting_default_name": {
        "id": "Rapat Koordinasi Forum CSR Kesejahteraan Sosial",
        "en": "Social Welfare CSR Forum Coordination Meeting",
    },
    "meeting_name": {"id": "Nama rapat", "en": "Meeting name"},
    "meeting_date": {"id": "Tanggal rapat", "en": "Meeting date"},
    "meeting_year_stamp": {"id": "Tahun {year}", "en": "Year {year}"},
    "meeting_date_line": {"id": "Tanggal: {date}", "en": "Date: {date}"},
    "meeting_filters_line": {"id": "Tampilan: {filters}", "en": "View: {filters}"},
    "meeting_qr_note": {
        "id": "Pindai kode QR untuk membuka tampilan yang sama di ponsel.",
        "en": "Scan the QR code to open the same view on a phone.",
    },
    "meeting_headline_title": {"id": "Angka utama {year}", "en": "Headline figures {year}"},
    "meeting_funding_title": {"id": "Pendanaan per sumber {year}", "en": "Funding by source {year}"},
    "meeting_agenda_title": {"id": "Agenda {number}: {kind}", "en": "Agenda {number}: {kind}"},
    "meeting_agenda_none": {"id": "Agenda koordinasi", "en": "Coordination agenda"},
    "meeting_evaluation_title": {"id": "Sorotan evaluasi {year}", "en": "Evaluation highlights {year}"},
    "meeting_forum_title": {"id": "Mitra dan etalase program", "en": "Partners and the programme catalogue"},
    "meeting_top_partners": {"id": "Mitra dengan realisasi terbesar", "en": "Partners with the largest spending"},
    "meeting_no_partners": {
        "id": "Belum ada mitra dengan dana CSR/PPM pada tampilan ini.",
        "en": "No partner has CSR/PPM money in this view.",
    },
    "meeting_packs": {"id": "Bahan rapat (PDF, PowerPoint, Excel)", "en": "Meeting pack (PDF, PowerPoint, Excel)"},
    "meeting_pack_kind": {"id": "Format", "en": "Format"},
    "meeting_pack_make": {"id": "Buat bahan rapat", "en": "Make the meeting pack"},
    "meeting_pack_making": {
        "id": "Menyusun {kind}: grafik digambar di server ini, beberapa detik…",
        "en": "Making the {kind}: the charts are drawn on this server, a few seconds…",
    },
    "meeting_pack_ready": {"id": "{kind} siap.", "en": "{kind} ready."},
    "meeting_pack_download": {"id": "Unduh {kind}", "en": "Download the {kind}"},
    "meeting_open_items": {
        "id": "Etalase terbuka: {amount} belum didanai",
        "en": "Open catalogue: {amount} not yet funded",
    },
    "meeting_open_item": {"id": "{title} — {place}: {amount}", "en": "{title} — {place}: {amount}"},
    "meeting_no_open_items": {
        "id": "Tidak ada butir etalase terbit yang masih terbuka.",
        "en": "No published catalogue item is still open.",
    },
    "meeting_closing_title": {"id": "Ringkasan penutup", "en": "Closing summary"},
    "meeting_closing_money": {
        "id": "Realisasi {spent} dari pagu {budget} ({share}).",
        "en": "Spent {spent} of a budget of {budget} ({share}).",
    },
    "meeting_closing_agenda": {
        "id": "{gaps} celah dan {overlaps} tumpang tindih dibahas sebagai agenda.",
        "en": "{gaps} gaps and {overlaps} overlaps discussed as agenda items.",
    },
    "meeting_closing_open": {
        "id": "Etalase yang masih terbuka untuk diadopsi mitra: {amount}.",
        "en": "Catalogue still open for partners to adopt: {amount}.",
    },
    "meeting_slide_of": {"id": "Slide {number} dari {total}", "en": "Slide {number} of {total}"},
    "meeting_previous": {"id": "Sebelumnya", "en": "Previous"},
    "meeting_next": {"id": "Berikutnya", "en": "Next"},
    "meeting_auto": {"id": "Maju otomatis (detik, 0 = mati)", "en": "Auto-advance (seconds, 0 = off)"},
    "meeting_dark": {"id": "Gelap", "en": "Dark"},
    "meeting_light": {"id": "Terang", "en": "Light"},
    "meeting_theme": {"id": "Tema", "en": "Theme"},
    "meeting_slide": {"id": "Slide", "en": "Slide"},
    "meeting_exit": {"id": "Keluar dari Mode Rapat", "en": "Leave meeting mode"},
    "meeting_keys": {
        "id": "Tombol: → PageDown Spasi = berikutnya · ← PageUp = sebelumnya",
        "en": "Keys: → PageDown Space = next · ← PageUp = previous",
    },
    # --- reference page -------------------------------------------------------------------
    "reference_title": {"id": "Data referensi", "en": "Reference data"},
    "reference_intro": {
        "id": "Kode wilayah, penduduk dan kemiskinan yang dipakai dasbor, dengan sumbernya. Angka bertanda ⚠ "
        "belum terverifikasi.",
        "en": "The region codes, population and poverty figures the dashboard uses, with their sources. "
        "Figures marked ⚠ are unverified.",
    },
    "regions_heading": {"id": "Kabupaten/kota", "en": "Regencies and cities"},
    "col_code_kemendagri": {"id": "Kode Kemendagri", "en": "Kemendagri code"},
    "col_code_bps": {"id": "Kode BPS", "en": "BPS code"},
    "col_name": {"id": "Nama", "en": "Name"},
    "col_kind": {"id": "Jenis", "en": "Type"},
    "col_capital": {"id": "Ibu kota", "en": "Capital"},
    "col_area": {"id": "Luas (km²)", "en": "Area (km²)"},
    "col_population": {"id": "Penduduk {year} (jiwa)", "en": "Population {year}"},
    "col_poverty_rate": {"id": "Penduduk miskin {year} (%)", "en": "Poverty rate {year} (%)"},
    "col_poor_people": {"id": "Penduduk miskin {year} (jiwa)", "en": "Poor people {year}"},
    "col_kecamatan": {"id": "Kecamatan", "en": "Subdistricts"},
    "unverified": {"id": "⚠ belum terverifikasi", "en": "⚠ unverified"},
    "not_available": {"id": "tidak tersedia", "en": "not available"},
    "unverified_note": {
        "id": "⚠ Belum terverifikasi: {items}.",
        "en": "⚠ Unverified: {items}.",
    },
    "codes_note": {
        "id": "Kode Kemendagri dan kode BPS berbeda untuk empat kabupaten: 6402 (BPS) adalah Kutai Barat, "
        "sedangkan 64.02 (Kemendagri) adalah Kutai Kartanegara. Dasbor menyimpan kode Kemendagri.",
        "en": "Kemendagri and BPS codes differ for four regencies: 6402 (BPS) is Kutai Barat while 64.02 "
        "(Kemendagri) is Kutai Kartanegara. The dashboard stores Kemendagri codes.",
    },
    "regions_source": {
        "id": "Sumber: Kepmendagri 300.2.2-2138/2025 (kode, jumlah kecamatan); BPS MFD (kode BPS); BIG 2024 "
        "(luas); BPS SP2020 dan estimasi pertengahan 2023 (penduduk); BPS Susenas Maret 2024 "
        "(kemiskinan). Rincian per baris di bawah.",
        "en": "Source: Kepmendagri 300.2.2-2138/2025 (codes, subdistrict counts); BPS MFD (BPS codes); BIG 2024 "
        "(area); BPS SP2020 and mid-2023 estimate (population); BPS Susenas March 2024 (poverty). "
        "Per-row details below.",
    },
    "row_sources": {"id": "Sumber per kabupaten/kota", "en": "Sources per regency/city"},
    "ppks_heading": {"id": "26 kategori PPKS", "en": "The 26 PPKS categories"},
    "col_number": {"id": "No.", "en": "No."},
    "col_category": {"id": "Kategori", "en": "Category"},
    "col_abbreviation": {"id": "Singkatan", "en": "Abbreviation"},
    "ppks_source": {
        "id": "Sumber: Permensos 8/2012. Singkatan bertanda † adalah singkatan umum, bukan dari peraturan.",
        "en": "Source: Permensos 8/2012. Abbreviations marked † are common usage, not from the regulation.",
    },
    "boundaries_heading": {"id": "Batas wilayah", "en": "Boundaries"},
    "boundaries_note": {
        "id": "Batas 10 kabupaten/kota, 105 kecamatan dan 1.038 desa/kelurahan: repositori publik "
        "cahyadsn/wilayah_boundaries (Kepmendagri 300.2.2-2430/2025), lisensi MIT, © 2024 Cahya DSN.",
        "en": "Boundaries of the 10 regencies/cities, 105 subdistricts and 1,038 villages: public repository "
        "cahyadsn/wilayah_boundaries (Kepmendagri 300.2.2-2430/2025), MIT licence, © 2024 Cahya DSN.",
    },
    "store_heading": {"id": "Isi basis data", "en": "What the store holds"},
    # --- store faults (data_loaders/store.py) -------------------------------------------------
    "store_busy": {
        "id": "Basis data {path} sedang dipakai proses lain (misalnya impor dari baris perintah) dan belum "
        "lepas setelah menunggu {seconds} detik. Ulangi sebentar lagi; SINERGI_DB_WAIT mengatur lama menunggu.",
        "en": "The database {path} was still in use by another process (e.g. an import from the command "
        "line) after waiting {seconds} seconds. Try again shortly; SINERGI_DB_WAIT sets the wait.",
    },
    "store_unreadable": {
        "id": "Berkas basis data {path} rusak, terpotong atau kosong ({detail}). Pulihkan dari cadangan, "
        "atau pindahkan berkas itu agar basis data baru dibuat lalu impor ulang berkasnya.",
        "en": "The database file {path} is corrupt, truncated or empty ({detail}). Restore it from a backup, "
        "or move it away so that a new database is made, then import the files again.",
    },
    "store_read_only": {
        "id": "Basis data {path} hanya bisa dibaca (berkas atau foldernya tidak dapat ditulis); tidak ada yang "
        "disimpan. Beri izin tulis pada folder dan berkasnya untuk mengimpor atau mengubah data.",
        "en": "The database {path} can only be read (its file or folder cannot be written); nothing was "
        "stored. Allow writing to the folder and file to import or change data.",
    },
    "store_read_only_notice": {
        "id": "Basis data hanya bisa dibaca: data dapat dilihat, tetapi impor dan perubahan tidak tersedia.",
        "en": "The database can only be read: data can be viewed, but imports and changes are unavailable.",
    },
    "store_write_failed": {
        "id": "Penulisan ke basis data gagal ({detail}); tidak ada yang disimpan. Periksa ruang disk dan "
        "izin tulis, lalu ulangi. Data yang sudah tersimpan tetap dapat dilihat.",
        "en": "Writing to the database failed ({detail}); nothing was stored. Check the free disk space and "
        "write permission, then try again. The data stored before can still be viewed.",
    },
    "store_key_repeated": {
        "id": "Tabel {table} di basis data menyimpan satu kunci lebih dari sekali, jadi angka impor ini bisa "
        "salah; tidak ada yang disimpan. Laporkan ke pengelola sistem: baris ganda itu perlu dihapus dulu.",
        "en": "The table {table} in the database holds a key more than once, so this import's figures could "
        "be wrong; nothing was stored. Tell the system administrator: the repeated rows must be removed first.",
    },
    "store_no_path": {
        "id": "DATABASE_URL '{url}' tidak menyebut berkas. Tulis duckdb:///path/file.duckdb (data di memori "
        "saja akan hilang saat proses berhenti).",
        "en": "DATABASE_URL '{url}' names no file. Write duckdb:///path/file.duckdb (data only in memory "
        "would be lost when the process ends).",
    },
    "store_scheme": {
        "id": "DATABASE_URL '{scheme}://…' tidak didukung; gunakan duckdb:///path/file.duckdb atau "
        "postgresql://pengguna@host:5432/basisdata.",
        "en": "DATABASE_URL scheme '{scheme}' is not supported; use duckdb:///path/file.duckdb or "
        "postgresql://user@host:5432/database.",
    },
    "copy_same_store": {
        "id": "Sumber dan tujuan salinan sama ({url}). Sebut basis data tujuan yang lain di --to.",
        "en": "The copy's source and target are the same ({url}). Name another target database in --to.",
    },
    "copy_schema_differs": {
        "id": "Skema sumber (versi {source}) dan tujuan ({target}) berbeda; tidak ada yang disalin. Jalankan "
        "python -m data_loaders migrate pada sumber dengan versi aplikasi ini, lalu ulangi.",
        "en": "The source's schema (version {source}) and the target's ({target}) differ; nothing was copied. Run "
        "python -m data_loaders migrate on the source with this version of the application, then try again.",
    },
    "copy_target_not_empty": {
        "id": "Basis data tujuan {url} tidak kosong: tabel {table} berisi {rows} baris; tidak ada yang disalin. "
        "Salin ke basis data baru yang kosong (createdb), atau hapus isinya dulu.",
        "en": "The target database {url} is not empty: table {table} holds {rows} rows; nothing was copied. "
        "Copy into a new, empty database (createdb), or empty it first.",
    },
    "copy_mismatch": {
        "id": "Pemeriksaan salinan tabel {table} tidak cocok ({figures}); seluruh salinan dibatalkan dan tujuan "
        "tetap seperti semula. Laporkan pesan ini beserta versi kedua basis data.",
        "en": "The check of the copy of table {table} differs ({figures}); the whole copy was rolled back and the "
        "target is as it was. Report this message with both databases' versions.",
    },
    "cli_store_copied": {
        "id": "{tables} tabel ({rows} baris) disalin dari {source} ke {target} dan diperiksa: jumlah baris dan "
        "jumlah tiap kolom sama ({seconds} detik).",
        "en": "{tables} tables ({rows} rows) copied from {source} to {target} and checked: row counts and column "
        "sums equal ({seconds} s).",
    },
    "store_connect_refused": {
        "id": "Basis data {where} menolak sambungan ({detail}). Periksa DATABASE_URL: nama basis data, pengguna, "
        "kata sandi (PGPASSWORD atau ~/.pgpass) dan alamat server.",
        "en": "The database {where} refused the connection ({detail}). Check DATABASE_URL: the database name, "
        "user, password (PGPASSWORD or ~/.pgpass) and the server's address.",
    },
    "store_unavailable": {
        "id": "Data sementara tidak tersedia: server basis data ({where}) tidak dapat dihubungi. Halaman ini "
        "mencoba lagi sendiri setiap beberapa detik; tidak ada data yang hilang.",
        "en": "Data temporarily unavailable: the database server ({where}) cannot be reached. This page "
        "tries again by itself every few seconds; no data is lost.",
    },
    "store_cannot_create": {
        "id": "Basis data {path} tidak ada dan foldernya tidak dapat ditulis. Pilih folder yang dapat ditulis "
        "di DATABASE_URL atau beri izin tulis.",
        "en": "The database {path} does not exist and its folder cannot be written. Choose a writable folder "
        "in DATABASE_URL or allow writing.",
    },
    "store_outdated_read_only": {
        "id": "Basis data {path} hanya bisa dibaca dan skemanya versi lama. Buka sekali dengan izin tulis "
        "(python -m data_loaders migrate) agar skemanya diperbarui.",
        "en": "The database {path} can only be read and has an older schema. Open it once with write "
        "permission (python -m data_loaders migrate) to bring the schema up to date.",
    },
    "store_waiting": {
        "id": "Menunggu basis data yang sedang dipakai proses lain…",
        "en": "Waiting for the database, which another process is using…",
    },
    "col_table": {"id": "Tabel", "en": "Table"},
    "col_rows": {"id": "Baris", "en": "Rows"},
    "imports_heading": {"id": "Riwayat impor", "en": "Import history"},
    "col_file": {"id": "Berkas", "en": "File"},
    "col_kind_import": {"id": "Jenis", "en": "Kind"},
    "col_imported_at": {"id": "Waktu", "en": "Time"},
    "col_sample": {"id": "Data contoh", "en": "Sample"},
    "yes": {"id": "ya", "en": "yes"},
    "no": {"id": "tidak", "en": "no"},
    # --- Apresiasi & penghargaan (issue 13, item 5) ---------------------------------------------
    "awards_title": {"id": "Apresiasi & penghargaan {year}", "en": "Appreciation & awards {year}"},
    "awards_scope": {
        "id": "Peringkat mitra yang punya dana CSR/TJSL atau PPM pada tahun {year}, dari kriteria terbitan forum. "
        "Filter wilayah, sumber dana dan kategori PPKS tidak berlaku di halaman ini.",
        "en": "A ranking of the partners with CSR/TJSL or PPM money in {year}, from the forum's published criteria. "
        "The region, funding source and PPKS category filters do not apply on this page.",
    },
    "awards_pick": {"id": "Kategori penghargaan", "en": "Award category"},
    "awards_criteria": {"id": "Kriteria dan bobot", "en": "Criteria and weights"},
    "awards_weights_hint": {
        "id": "Bobot awal adalah bobot terbitan (data_loaders/reference/award_criteria.csv); ubah untuk melihat "
        "pengaruhnya. Hanya perbandingan antarbobot yang berarti.",
        "en": "The starting weights are the published ones (data_loaders/reference/award_criteria.csv); change them "
        "to see their effect. Only the ratios between weights matter.",
    },
    "awards_weight": {"id": "Bobot: {name}", "en": "Weight: {name}"},
    "awards_reset": {"id": "Kembalikan bobot terbitan", "en": "Restore the published weights"},
    "awards_rule": {
        "id": "Skor kriteria = nilai ÷ nilai terbaik di antara mitra tahun itu × 100 (makin rendah makin baik: "
        "nilai terendah ÷ nilai × 100); tanpa nilai, skor 0. Total = Σ bobot × skor ÷ Σ bobot. Total yang sama "
        "diputus oleh dana CSR/PPM tersalur yang lebih besar, lalu nama mitra (A–Z).",
        "en": "Criterion score = value ÷ the best value among the year's partners × 100 (lower is better: the "
        "lowest value ÷ value × 100); no value scores 0. Total = Σ weight × score ÷ Σ weights. Equal totals are "
        "broken by the larger CSR/PPM money spent, then by the partner's name (A–Z).",
    },
    "awards_adjusted": {
        "id": "Bobot diubah; bobot terbitan: {weights}.",
        "en": "Weights changed; the published weights: {weights}.",
    },
    "awards_left_out": {
        "id": "Tidak dinilai tahun ini karena tidak ada mitra yang punya nilainya (bobotnya dihitung 0): {criteria}.",
        "en": "Not scored this year, as no partner has a value for it (its weight counts as 0): {criteria}.",
    },
    "awards_no_weight": {
        "id": "Semua kriteria yang dinilai berbobot 0, jadi total tidak dapat dihitung. Beri bobot di atas 0 "
        "pada salah satu kriteria: {criteria}.",
        "en": "Every criterion in use weighs 0, so there is no total. Give a weight above 0 to one of: {criteria}.",
    },
    "awards_empty": {
        "id": "Tidak ada mitra dengan dana CSR/TJSL atau PPM pada tahun {year}.",
        "en": "No partner has CSR/TJSL or PPM money in {year}.",
    },
    "awards_ranking": {"id": "Peringkat", "en": "Ranking"},
    "awards_breakdown": {"id": "Rincian skor per kriteria", "en": "Scores per criterion"},
    "awards_breakdown_note": {
        "id": "Skor = nilai ÷ terbaik × 100; kontribusi = bobot × skor; kontribusi satu mitra dijumlahkan "
        "menjadi totalnya.",
        "en": "Score = value ÷ best × 100; contribution = weight × score; a partner's contributions add up to its "
        "total.",
    },
    "awards_pick_partner": {"id": "Tampilkan mitra", "en": "Show partner"},
    "awards_all_partners": {"id": "Semua mitra", "en": "Every partner"},
    "awards_download": {
        "id": "Daftar untuk sertifikat (XLSX)",
        "en": "List for the certificates (XLSX)",
    },
    "awards_years": {"id": "{count} tahun", "en": "{count} years"},
    "awards_direction_naik": {"id": "makin tinggi makin baik", "en": "higher is better"},
    "awards_direction_turun": {"id": "makin rendah makin baik", "en": "lower is better"},
    "awards_col_partner": {"id": "Mitra", "en": "Partner"},
    "awards_col_total": {"id": "Total skor", "en": "Total score"},
    "awards_col_tied": {"id": "Seri", "en": "Tie"},
    "awards_col_award": {"id": "Penghargaan", "en": "Award"},
    "awards_col_people": {"id": "Penerima tercapai", "en": "People reached"},
    "awards_col_criterion": {"id": "Kriteria", "en": "Criterion"},
    "awards_col_definition": {"id": "Definisi", "en": "Definition"},
    "awards_col_direction": {"id": "Arah", "en": "Direction"},
    "awards_col_published": {"id": "Bobot terbitan", "en": "Published weight"},
    "awards_col_best": {"id": "Terbaik", "en": "Best"},
    "awards_col_score": {"id": "Skor", "en": "Score"},
    "awards_col_weight": {"id": "Bobot", "en": "Weight"},
    "awards_col_contribution": {"id": "Kontribusi", "en": "Contribution"},
    "awards_col_score_of": {"id": "Skor {name}", "en": "Score: {name}"},
    "cli_awards_no_year": {
        "id": "Tidak ada data program atau PPKS untuk tahun {year}. Tahun yang ada: {years}. Pilih salah satunya "
        "dengan --year.",
        "en": "There is no program or PPKS data for {year}. Years with data: {years}. Choose one with --year.",
    },
    "cli_awards_no_partners": {
        "id": "Tidak ada mitra dengan dana CSR/TJSL atau PPM pada tahun {year}, jadi tidak ada peringkat. Impor "
        "program mitra tahun itu (jenis 'program') atau pilih tahun lain dengan --year.",
        "en": "No partner has CSR/TJSL or PPM money in {year}, so there is no ranking. Import the partners' programs "
        "of that year (kind 'program') or choose another year with --year.",
    },
    "cli_awards_heading": {
        "id": "{award} {year}; bobot (dinormalkan): {weights}",
        "en": "{award} {year}; weights (normalised): {weights}",
    },
    # --- downloads' stamp and the Excel workbook (issue 14) ----------------------------------
    "stamp_title": {"id": "Sinergi Kesos Kaltim — {file}", "en": "Sinergi Kesos Kaltim — {file}"},
    "stamp_sheet": {"id": "Keterangan", "en": "About"},
    "stamp_filters": {"id": "Filter", "en": "Filters"},
    "stamp_as_of": {"id": "Data per", "en": "Data as of"},
    "stamp_source": {"id": "Sumber data", "en": "Data source"},
    "stamp_made": {"id": "Dibuat", "en": "Made"},
    "wb_title": {
        "id": "Sinergi Kesos Kaltim — Bahan Rapat (Excel)",
        "en": "Sinergi Kesos Kaltim — meeting pack (Excel)",
    },
    "wb_sheet_summary": {"id": "Ringkasan", "en": "Summary"},
    "wb_sheet_sources": {"id": "Dana per sumber", "en": "Funding by source"},
    "wb_sheet_areas": {"id": "Dana per wilayah", "en": "Funding by area"},
    "wb_sheet_programs": {"id": "Program", "en": "Programs"},
    "wb_sheet_gaps": {"id": "Celah & tumpang tindih", "en": "Gaps & overlaps"},
    "wb_sheet_indicators": {"id": "Indikator", "en": "Indicators"},
    "wb_sheet_partners": {"id": "Mitra", "en": "Partners"},
    "wb_col_key": {"id": "Kunci (perintah summary)", "en": "Key (summary command)"},
    "wb_col_figure": {"id": "Angka", "en": "Figure"},
    "wb_col_value": {"id": "Nilai", "en": "Value"},
    "wb_col_population": {"id": "Penduduk (jiwa)", "en": "Population (persons)"},
    "wb_col_per_resident": {"id": "Pagu per penduduk (Rp)", "en": "Planned per resident (Rp)"},
    "wb_col_per_ppks": {"id": "Pagu per PPKS jiwa (Rp)", "en": "Planned per person in need (Rp)"},
    "wb_fig_region_code": {"id": "Kode wilayah (Kemendagri)", "en": "Region code (Kemendagri)"},
    "wb_fig_region_name": {"id": "Wilayah", "en": "Region"},
    "wb_fig_sources": {"id": "Sumber dana dipilih (kosong: semua)", "en": "Funding sources chosen (empty: all)"},
    "wb_fig_year": {"id": "Tahun", "en": "Year"},
    "wb_fig_budget_idr": {"id": "Pagu, semua sumber (Rp)", "en": "Planned, all sources (Rp)"},
    "wb_fig_committed_idr": {"id": "Komitmen CSR/TJSL dan PPM (Rp)", "en": "Committed, CSR/TJSL and PPM (Rp)"},
    "wb_fig_committed_sources": {"id": "Sumber yang berkomitmen", "en": "Pledging sources"},
    "wb_fig_spent_idr": {"id": "Realisasi, semua sumber (Rp)", "en": "Spent, all sources (Rp)"},
    "wb_fig_realisation": {"id": "Realisasi ÷ pagu", "en": "Spent ÷ planned"},
    "wb_fig_programs": {"id": "Program", "en": "Programs"},
    "wb_fig_target_jiwa": {"id": "Target penerima (jiwa)", "en": "Target (persons)"},
    "wb_fig_target_kk": {"id": "Target penerima (KK)", "en": "Target (households)"},
    "wb_fig_reached_jiwa": {"id": "Penerima tercapai (jiwa)", "en": "Reached (persons)"},
    "wb_fig_reached_kk": {"id": "Penerima tercapai (KK)", "en": "Reached (households)"},
    "wb_fig_reach_jiwa": {"id": "Tercapai ÷ target (jiwa)", "en": "Reached ÷ target (persons)"},
    "wb_fig_reach_kk": {"id": "Tercapai ÷ target (KK)", "en": "Reached ÷ target (households)"},
    "wb_fig_reached_in_need_jiwa": {
        "id": "Tercapai di wilayah × kategori ber-PPKS (jiwa)",
        "en": "Reached where there is need (persons)",
    },
    "wb_fig_reached_in_need_kk": {
        "id": "Tercapai di wilayah × kategori ber-PPKS (KK)",
        "en": "Reached where there is need (households)",
    },
    "wb_fig_ppks_jiwa": {"id": "PPKS (jiwa)", "en": "In need (persons)"},
    "wb_fig_ppks_kk": {"id": "PPKS (KK)", "en": "In need (households)"},
    "wb_fig_coverage": {"id": "Cakupan (tercapai ÷ PPKS)", "en": "Coverage (reached ÷ in need)"},
    "wb_fig_coverage_basis": {"id": "Satuan cakupan", "en": "Coverage unit"},
    "wb_fig_coverage_kk": {"id": "Cakupan KK", "en": "Coverage, households"},
    "wb_fig_need_levels": {"id": "Tingkat data PPKS", "en": "Levels of the need figures"},
    "wb_fig_need_set_aside_jiwa": {
        "id": "PPKS tidak dihitung, aturan satu tingkat (jiwa)",
        "en": "Need set aside, one-level rule (persons)",
    },
    "wb_fig_need_set_aside_kk": {
        "id": "PPKS tidak dihitung, aturan satu tingkat (KK)",
        "en": "Need set aside, one-level rule (households)",
    },
    "wb_fig_data_as_of": {"id": "Data per (impor terakhir)", "en": "Data as of (latest import)"},
    "wb_fig_is_sample": {"id": "Data contoh", "en": "Sample data"},
    "cli_report_written": {
        "id": "Bahan rapat ({format}) ditulis ke {file}.",
        "en": "Meeting pack ({format}) written to {file}.",
    },
    "cli_report_level": {
        "id": "Bahan rapat dibuat per provinsi atau kabupaten/kota; {name} berada di bawahnya. Sebutkan kabupaten/kotanya "
        "dengan --wilayah.",
        "en": "A meeting pack is for the province or a regency/city; {name} lies below that level. Name its regency/city "
        "with --wilayah.",
    },
    "cli_report_no_year": {
        "id": "Tidak ada data program atau PPKS untuk tahun {year}, jadi tidak ada bahan rapat. Tahun yang ada: {years}. "
        "Pilih salah satu dengan --year.",
        "en": "There is no program or PPKS data for {year}, so there is no meeting pack. Years with data: {years}. Choose "
        "one with --year.",
    },
    "cli_report_no_data": {
        "id": "Belum ada data program atau PPKS, jadi tidak ada bahan rapat. Impor data dulu (python -m data_loaders "
        "import) atau buat data contoh (python -m data_loaders demo).",
        "en": "There is no program or PPKS data yet, so there is no meeting pack. Import data first (python -m "
        "data_loaders import) or build the sample data (python -m data_loaders demo).",
    },
    "cli_report_meeting": {"id": "Rapat Koordinasi Kesejahteraan Sosial", "en": "Social Welfare Coordination Meeting"},
    # --- Bahan Rapat (meeting packs: reports/) ----------------------------------------------
    "pack_page": {"id": "Halaman {n} dari {total}", "en": "Page {n} of {total}"},
    "pack_more_rows": {
        "id": "… dan {count} baris lainnya (lengkap di unduhan XLSX)",
        "en": "… and {count} more rows (in full in the XLSX download)",
    },
}


def value(kind: str, raw: object, lang: str = DEFAULT_LANGUAGE) -> str:
    """A value of the data's vocabulary in `lang`: `kind` is source, status, unit, assistance, ppks,
    kind (region kind), level or period. A value outside the vocabulary (a name from a file) is
    returned as it is; a missing value as a dash."""
    if raw is None or (isinstance(raw, float) and raw != raw):
        return "–"
    key = f"{kind}_{raw}"
    return t(key, lang) if key in STRINGS else str(raw)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The string `key` in `lang`, with `{placeholders}` filled from `values`."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text
