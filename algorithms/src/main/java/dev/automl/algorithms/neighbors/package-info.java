/** Nearest-neighbour learners on Smile's neighbour search. */
package dev.automl.algorithms.neighbors;
