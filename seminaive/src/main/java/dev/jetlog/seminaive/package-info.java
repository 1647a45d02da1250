/**
 * Semi-naive evaluation: the Backend SPI ({@code spi}), the fixpoint driver ({@code eval}), I/O
 * directives ({@code io}) and the public Java API ({@code api}).
 */
package dev.jetlog.seminaive;
