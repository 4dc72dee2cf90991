#if !NATIVE_AOT
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace HeloData.Reports.ColdStart;

/// <summary>
/// For the probe's JIT breakdown: writes "type full name, tab, assembly name" for every type of every
/// loaded assembly, so a JIT-compiled method is attributed to the library it ships in rather than to
/// its namespace (extension methods for IServiceCollection all live in Microsoft.Extensions.DependencyInjection,
/// whichever library they come from). Written after the figures are taken.
/// </summary>
internal static class TypeMap
{
    public static void WriteIfAsked()
    {
        if (Environment.GetEnvironmentVariable("COLDSTART_TYPE_MAP") is not { Length: > 0 } path)
        {
            return;
        }

        using var writer = new StreamWriter(path);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            var name = assembly.GetName().Name;
            foreach (var type in TypesOf(assembly))
            {
                writer.Write(type.FullName);
                writer.Write('\t');
                writer.WriteLine(name);
            }
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Compiled into JIT builds only (not NATIVE_AOT), which are not trimmed.")]
    private static IEnumerable<Type> TypesOf(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>();
        }
    }
}
#endif
