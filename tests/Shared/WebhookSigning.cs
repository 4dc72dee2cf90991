using System.Security.Cryptography;
using System.Text;

namespace HeloData.Reports.TestSupport;

/// <summary>
/// Signs a delivery as the contract's "Webhook deliveries" section says, written from the contract and
/// not from the SDK's verifier, so the tests check the verifier against an independent signer.
/// </summary>
internal static class WebhookSigning
{
    /// <summary><c>v1,</c> and the base64 HMAC-SHA256, under the key a <c>whsec_</c> secret encodes, of <c>{id}.{timestamp}.</c> and the body.</summary>
    public static string Sign(string secret, string id, string timestamp, byte[] body)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{id}.{timestamp}."));
        hmac.AppendData(body);
        return "v1," + Convert.ToBase64String(hmac.GetHashAndReset());
    }
}
