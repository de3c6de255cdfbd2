/** Health indicators that hold on every supported backend. */
package fr.relocmatch.state.health;
