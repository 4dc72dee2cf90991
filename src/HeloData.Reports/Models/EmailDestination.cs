using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>Delivers the artifact by email (<c>{"type":"email","email":"ops@acme.com"}</c>).</summary>
public sealed class EmailDestination : ReportDestination
{
    /// <summary>Creates an email destination.</summary>
    /// <param name="email">The recipient address.</param>
    /// <exception cref="ArgumentNullException"><paramref name="email"/> is <see langword="null"/>.</exception>
    [JsonConstructor]
    public EmailDestination(string email)
        : base(ReportDestinationConverter.EmailType)
    {
        ArgumentNullException.ThrowIfNull(email);
        Email = email;
    }

    /// <summary>The recipient address.</summary>
    public string Email { get; }

    /// <inheritdoc />
    public override string ToString() => $"email {Email}";

    private protected override bool SameFields(ReportDestination other) => other is EmailDestination email && Email == email.Email;

    private protected override int FieldsHashCode() => Email.GetHashCode(StringComparison.Ordinal);
}
