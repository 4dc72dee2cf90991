namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks the type the compiler needs for init accessors (records' properties).
internal static class IsExternalInit;
