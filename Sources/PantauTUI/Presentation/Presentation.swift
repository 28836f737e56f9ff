import PantauCore

/// What the slides show, read once from the core for one kabupaten/kota and year.
public struct PresentationData: Sendable, Equatable {
    public var region: Region
    public var year: Int
    public var readiness: TipeAReadiness?
    public var yearly: [YearFigures]
    public var kecamatan: [RegionFigures]
    public var evaluation: EvaluationProgress
    /// Batches held in the plan's year, against the plan (batches, koperasi per plan).
    public var batchesHeld: Int
    public var koperasiTrained: Int
    public var batchPlan: Target?
    public var koperasiPlan: Target?
    public var provinceTrainingTarget: Target?
    public var assistants: Target?
}

extension DashboardLoader {
    /// The presentation's figures for a kabupaten/kota (a kecamatan shows its kabupaten; a province is refused).
    public func presentation(scope: Region, year requested: Int?) async throws -> PresentationData {
        let h = Region.hierarchy(of: scope.code)
        guard let kabCode = h.kabupaten, let region = try await store.region(code: kabCode) else {
            throw PantauError.presentationNeedsDistrict(scope: try await store.label(scope))
        }
        let years = try await store.years(in: region)
        guard let latest = years.last else { throw PantauError.noData(scope: try await store.label(region)) }
        let year = requested.flatMap { years.contains($0) ? $0 : nil } ?? latest
        if let requested, !years.contains(requested) {
            throw PantauError.yearWithoutData(year: requested, scope: try await store.label(region), available: years)
        }
        let targets = try await store.targets(of: region)
        var province: [Target] = []
        if let provinceRegion = try await store.region(code: h.provinsi) { province = try await store.targets(of: provinceRegion) }
        let batchPlan = targets.first { $0.indicator == .angkatanPelatihan }
        let planYear = batchPlan?.year ?? year
        let held = try await store.trainingBatches(for: region).filter {
            $0.regionCode.hasPrefix(region.code) && ($0.tanggalMulai?.hasPrefix(String(planYear)) ?? false)
        }
        return PresentationData(
            region: region, year: year, readiness: try await store.tipeAReadiness(of: region, year: year),
            yearly: try await store.yearlyFigures(of: region).filter { $0.year <= year },
            kecamatan: try await store.childFigures(of: region, year: year).filter { $0.region.level == .kecamatan && $0.koperasiTotal > 0 },
            evaluation: try await store.evaluationProgress(of: region, year: year),
            batchesHeld: held.count, koperasiTrained: held.compactMap(\.jumlahKoperasi).reduce(0, +),
            batchPlan: batchPlan, koperasiPlan: targets.first { $0.indicator == .koperasiDilatih },
            provinceTrainingTarget: province.first { $0.indicator == .koperasiDilatih },
            assistants: (targets + province).first { $0.indicator == .pendampingUmkm })
    }
}

/// The presentation as a value: which slide, whether it advances by itself.
public struct PresentationState: Sendable, Equatable {
    public static let slideCount = 6
    public var width: Int
    public var height: Int
    public var slide = 0
    public var paused = false
    /// Seconds a slide stays before the next one.
    public var interval: Int
    public var quitting = false

    public init(width: Int, height: Int, interval: Int = 15) {
        self.width = width; self.height = height; self.interval = max(1, interval)
    }

    public enum Action: Sendable, Equatable {
        case key(Key)
        case resize(width: Int, height: Int)
        /// The interval has passed.
        case tick
    }

    public mutating func update(_ action: Action) {
        switch action {
        case .resize(let w, let h): width = w; height = h
        case .tick: if !paused { slide = (slide + 1) % Self.slideCount }
        case .key(let key):
            switch key {
            case .character(" "), .right, .character("l"), .enter, .pageDown: slide = (slide + 1) % Self.slideCount
            case .left, .character("h"), .backspace, .pageUp: slide = (slide + Self.slideCount - 1) % Self.slideCount
            case .character("p"): paused.toggle()
            case .character("q"), .escape: quitting = true
            case .character(let c):
                if let n = c.wholeNumberValue, (1...Self.slideCount).contains(n) { slide = n - 1 }
            default: break
            }
        }
    }
}
