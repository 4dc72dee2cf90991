using NUnit.Framework.Constraints;

namespace HeloData.Reports.Tests.Validation;

/// <summary>The shape every validation failure has: its exception type, the member it blames, and why.</summary>
internal static class Rejected
{
    /// <summary>Throws exactly <typeparamref name="T"/>, blaming <paramref name="paramName"/>, with a message containing <paramref name="fragment"/>.</summary>
    public static IResolveConstraint As<T>(string paramName, string fragment)
        where T : ArgumentException =>
        Throws.TypeOf<T>()
            .With.Property(nameof(ArgumentException.ParamName)).EqualTo(paramName)
            .And.Message.Contains(fragment);
}
