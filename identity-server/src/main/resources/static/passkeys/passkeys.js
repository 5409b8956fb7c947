/*
 * Signet passkeys: progressive enhancement of the sign-in page and the account page.
 *
 * Without this script (or in a browser without WebAuthn) the passkey parts of the pages stay hidden and the
 * email-and-password journey is complete. The script talks JSON to the server's WebAuthn endpoints, sending the
 * page's CSRF token in a header; every message it shows is written in the page (in the page's language) by the
 * server, so the script holds no words of its own.
 */
(function () {
  'use strict';

  if (!window.PublicKeyCredential || !navigator.credentials || !window.fetch) {
    return;
  }

  function bytesFromBase64Url(text) {
    var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) {
      base64 += '=';
    }
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function base64UrlFromBytes(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function descriptors(list) {
    return (list || []).map(function (descriptor) {
      var converted = { type: descriptor.type, id: bytesFromBase64Url(descriptor.id) };
      if (descriptor.transports) {
        converted.transports = descriptor.transports;
      }
      return converted;
    });
  }

  /** POSTs JSON with the page's CSRF token; resolves to {status, body}. */
  function postJson(section, url, body) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    headers[section.dataset.csrfHeader] = section.dataset.csrfToken;
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var parsed = {};
        try {
          parsed = text ? JSON.parse(text) : {};
        } catch (ignored) {
          parsed = {};
        }
        return { status: response.status, body: parsed };
      });
    });
  }

  /** Shows the message the page holds for {@code code} (data-error-<code>) in the section's error summary. */
  function showError(section, code) {
    var summary = section.querySelector('[data-passkey-error]');
    var text = section.querySelector('[data-passkey-error-text]');
    var message = section.getAttribute('data-error-' + code) || section.getAttribute('data-error-general');
    text.textContent = message;
    summary.hidden = false;
    summary.focus();
  }

  function hideError(section) {
    section.querySelector('[data-passkey-error]').hidden = true;
  }

  /** The browser's refusal as one of the page's error codes. */
  function browserErrorCode(error) {
    if (error && error.name === 'NotAllowedError') {
      return 'cancelled';
    }
    if (error && error.name === 'InvalidStateError') {
      return 'exists';
    }
    return 'general';
  }

  function signIn(section, button) {
    hideError(section);
    button.disabled = true;
    postJson(section, section.dataset.optionsUrl).then(function (options) {
      if (options.status !== 200) {
        throw { code: 'general' };
      }
      var o = options.body;
      var publicKey = {
        challenge: bytesFromBase64Url(o.challenge),
        rpId: o.rpId,
        allowCredentials: descriptors(o.allowCredentials),
        userVerification: o.userVerification
      };
      if (o.timeout) {
        publicKey.timeout = o.timeout;
      }
      return navigator.credentials.get({ publicKey: publicKey }).catch(function (error) {
        throw { code: browserErrorCode(error) };
      });
    }).then(function (credential) {
      var response = credential.response;
      return postJson(section, section.dataset.signInUrl, {
        id: credential.id,
        rawId: base64UrlFromBytes(credential.rawId),
        type: credential.type,
        response: {
          authenticatorData: base64UrlFromBytes(response.authenticatorData),
          clientDataJSON: base64UrlFromBytes(response.clientDataJSON),
          signature: base64UrlFromBytes(response.signature),
          userHandle: response.userHandle ? base64UrlFromBytes(response.userHandle) : null
        },
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment || null
      });
    }).then(function (result) {
      if (result.status === 200 && result.body.redirectUrl) {
        window.location.href = result.body.redirectUrl;
        return;
      }
      throw { code: result.body.error || 'general' };
    }).catch(function (failure) {
      button.disabled = false;
      showError(section, failure && failure.code ? failure.code : 'general');
    });
  }

  function register(section, button) {
    hideError(section);
    var nameInput = section.querySelector('#passkey-name');
    var nameGroup = section.querySelector('[data-passkey-name-group]');
    var label = nameInput.value.trim();
    nameGroup.classList.remove('govuk-form-group--error');
    if (!label || label.length > 64) {
      nameGroup.classList.add('govuk-form-group--error');
      showError(section, label ? 'label_too_long' : 'label_missing');
      return;
    }
    button.disabled = true;
    postJson(section, section.dataset.optionsUrl).then(function (options) {
      if (options.status !== 200) {
        throw { code: 'general' };
      }
      var o = options.body;
      var publicKey = {
        rp: o.rp,
        user: { id: bytesFromBase64Url(o.user.id), name: o.user.name, displayName: o.user.displayName },
        challenge: bytesFromBase64Url(o.challenge),
        pubKeyCredParams: o.pubKeyCredParams,
        excludeCredentials: descriptors(o.excludeCredentials),
        authenticatorSelection: o.authenticatorSelection,
        attestation: o.attestation,
        extensions: o.extensions
      };
      if (o.timeout) {
        publicKey.timeout = o.timeout;
      }
      return navigator.credentials.create({ publicKey: publicKey }).catch(function (error) {
        throw { code: browserErrorCode(error) };
      });
    }).then(function (credential) {
      var response = credential.response;
      return postJson(section, section.dataset.registerUrl, {
        publicKey: {
          label: label,
          credential: {
            id: credential.id,
            rawId: base64UrlFromBytes(credential.rawId),
            type: credential.type,
            response: {
              attestationObject: base64UrlFromBytes(response.attestationObject),
              clientDataJSON: base64UrlFromBytes(response.clientDataJSON),
              transports: response.getTransports ? response.getTransports() : []
            },
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment || null
          }
        }
      });
    }).then(function (result) {
      // 200: added; 403 confirm_it_is_you: the sign-in is too old or too weak, prove it is the owner first.
      if ((result.status === 200 || result.body.error === 'confirm_it_is_you') && result.body.redirectUrl) {
        window.location.href = result.body.redirectUrl;
        return;
      }
      throw { code: result.body.error || 'general' };
    }).catch(function (failure) {
      button.disabled = false;
      showError(section, failure && failure.code ? failure.code : 'general');
    });
  }

  function start() {
    var signInSection = document.querySelector('[data-passkey-sign-in]');
    if (signInSection) {
      var signInButton = signInSection.querySelector('[data-passkey-sign-in-button]');
      signInButton.addEventListener('click', function () {
        signIn(signInSection, signInButton);
      });
      signInSection.hidden = false;
    }
    var registerSection = document.querySelector('[data-passkey-register]');
    if (registerSection) {
      var addButton = registerSection.querySelector('[data-passkey-add-button]');
      addButton.addEventListener('click', function () {
        register(registerSection, addButton);
      });
      registerSection.hidden = false;
    }
    // The "needs JavaScript" words of the account page and the second-factor page: the passkey part works here.
    var unsupported = document.querySelector('[data-passkey-unsupported]');
    if (unsupported && (signInSection || registerSection)) {
      unsupported.hidden = true;
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
