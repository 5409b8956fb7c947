-- The vector of trust a relying party always needs (e.g. 'Cl.Cm'), declared in its registration (requires-vtr).
-- While a citizen uses such a service, they cannot remove the last factor that gives it (second factor or passkey).
ALTER TABLE relying_party ADD COLUMN required_vtr text;
