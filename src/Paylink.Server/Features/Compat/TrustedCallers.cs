using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace Paylink.Server.Features.Compat;

/// <summary>A public key whose signed requests the server accepts; <see cref="Hex"/> is lower-case, without <c>0x</c>.</summary>
public sealed record TrustedCaller(string Hex, PublicKey Key);

/// <summary>
/// <c>Paylink:TrustedCallers</c>: Ed25519 public keys (<c>0x</c> + 64 hex digits) of the callers allowed to
/// sign requests. Either one string with the keys separated by commas or white space
/// (<c>Paylink__TrustedCallers</c>), or an array (<c>Paylink__TrustedCallers__0</c>, <c>__1</c>, …), or both.
/// </summary>
public sealed class TrustedCallerOptions
{
    public const string Section = "Paylink:TrustedCallers";

    public List<TrustedCaller> Callers { get; } = [];

    /// <summary>What is wrong with the setting; the server refuses to start while this is not empty.</summary>
    public List<string> Errors { get; } = [];

    public void Load(IConfigurationSection section)
    {
        var entries = new[] { section.Value }.Concat(section.GetChildren().Select(c => c.Value))
            .SelectMany(v => (v ?? "").Split([',', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var entry in entries)
        {
            var hex = entry.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? entry[2..] : entry;
            if (hex.Length != 64 || !hex.All(Uri.IsHexDigit)
                || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, Convert.FromHexString(hex), KeyBlobFormat.RawPublicKey, out var key))
            {
                Errors.Add($"{Section} holds '{entry}', which is not an Ed25519 public key (0x followed by 64 hex digits).");
                continue;
            }

            var lower = hex.ToLowerInvariant();
            if (!Callers.Any(c => c.Hex == lower))
            {
                Callers.Add(new TrustedCaller(lower, key!));
            }
        }

        if (Callers.Count > 0 && !SHA3_256.IsSupported)
        {
            Errors.Add($"{Section} is set, but this system's cryptography library has no SHA3-256 (it needs OpenSSL 1.1.1 or later), so signed requests cannot be checked.");
        }
    }

    /// <summary>Stops the start with every problem of the setting named, rather than failing each signed request later.</summary>
    public sealed class Validator : IValidateOptions<TrustedCallerOptions>
    {
        public ValidateOptionsResult Validate(string? name, TrustedCallerOptions options) =>
            options.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Errors);
    }
}
