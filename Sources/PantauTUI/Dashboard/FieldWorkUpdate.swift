import PantauCore

/// Forms and keeping the selection across reloads: the field-work side of `update`.
extension DashboardState {
    /// The koperasi the field-work keys act on: the one in the detail view, else the selected row.
    var targetKoperasi: KoperasiRow? {
        if let detail {
            let k = detail.koperasi
            return KoperasiRow(nik: k.nik, nama: k.nama, jenis: k.jenis.rawValue, active: data.flatMap { k.status[$0.year] },
                               lastRAT: k.ratYears.max(), anggota: k.anggota, kesehatan: k.kesehatan?.rawValue,
                               evaluation: k.evaluation?.rawValue)
        }
        let rows = mainKoperasiRows
        return showsKoperasi && focus == .main && rows.indices.contains(main.selected) ? rows[main.selected] : nil
    }

    mutating func openForm(_ command: Command) -> [Effect] {
        let s = Strings(language)
        guard !isReadOnly else { message = s.readOnlyRefused; return [] }
        guard let k = targetKoperasi, let data else { message = s.selectKoperasiFirst; return [] }
        switch command {
        case .recordRAT: form = .rat(nik: k.nik, nama: k.nama, year: data.year, s: s)
        case .evaluate: form = .evaluate(nik: k.nik, nama: k.nama, current: k.evaluation, s: s)
        default: form = .edit(nik: k.nik, nama: k.nama, members: k.anggota, health: k.kesehatan, s: s)
        }
        return []
    }

    mutating func handleForm(_ key: Key) -> [Effect] {
        guard var form else { return [] }
        switch form.handle(key) {
        case .editing:
            self.form = form
            return []
        case .cancelled:
            self.form = nil
            return []
        case .submitted:
            switch form.change(Strings(language)) {
            case .success(let change):
                self.form = nil
                return [.save(change)]
            case .failure(let problem):
                form.confirming = false
                form.index = problem.field
                self.form = form
                message = problem.message
                return []
            }
        }
    }

    /// The records selected in each list, by code or NIK.
    func selectedKeys() -> [Pane: String] {
        var keys: [Pane: String] = [:]
        let districts = districtRows, regions = mainRegionRows, koperasi = mainKoperasiRows, ratio = ratioRows
        if districts.indices.contains(self.districts.selected) { keys[.districts] = districts[self.districts.selected].figures.region.code }
        if showsKoperasi, koperasi.indices.contains(main.selected) { keys[.main] = koperasi[main.selected].nik }
        if !showsKoperasi, regions.indices.contains(main.selected) { keys[.main] = regions[main.selected].region.code + regions[main.selected].region.name }
        if ratio.indices.contains(self.ratio.selected) { keys[.ratio] = ratio[self.ratio.selected].region.code }
        return keys
    }

    mutating func reselect(_ keys: [Pane: String]) {
        if let key = keys[.districts], let i = districtRows.firstIndex(where: { $0.figures.region.code == key }) { districts.selected = i }
        if let key = keys[.main] {
            let index = showsKoperasi ? mainKoperasiRows.firstIndex { $0.nik == key }
                                      : mainRegionRows.firstIndex { $0.region.code + $0.region.name == key }
            if let index { main.selected = index }
        }
        if let key = keys[.ratio], let i = ratioRows.firstIndex(where: { $0.region.code == key }) { ratio.selected = i }
    }
}
