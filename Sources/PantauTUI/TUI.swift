public enum PantauTUIPlaceholder {}
