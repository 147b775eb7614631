using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Paylink.Server.Startup;

/// <summary>The <c>Paylink:KeyRing</c> section: how the Data Protection key ring is protected at rest.</summary>
public sealed class KeyRingOptions
{
    /// <summary>A PKCS#12 (PFX) file whose certificate encrypts every new key of the ring; null keeps the keys as plain XML.</summary>
    public string? Certificate { get; set; }

    public string? CertificatePassword { get; set; }
}

/// <summary>
/// Encrypts the key ring with the configured certificate. The same certificate decrypts it, so every
/// instance needs the file, and a ring written with it cannot be read without it.
/// </summary>
public static class KeyRingProtection
{
    public static IDataProtectionBuilder ProtectKeyRing(this IDataProtectionBuilder builder, KeyRingOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Certificate))
        {
            return builder;
        }

        var certificate = Load(options.Certificate, options.CertificatePassword);
        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Paylink:KeyRing:Certificate names '{path}', which does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"Paylink:KeyRing:Certificate '{path}' could not be read as a PFX file (is Paylink:KeyRing:CertificatePassword right?): {e.Message}", e);
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            throw new InvalidOperationException(
                $"Paylink:KeyRing:Certificate '{path}' must hold an RSA certificate with its private key, which decrypts the key ring.");
        }

        return certificate;
    }
}
