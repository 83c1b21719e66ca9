// hebbian: the headless command-line runner (see `hebbian run --help` and README.md).
#include <iostream>
#include <string>
#include <vector>

#include "run.hpp"

int main(int argc, char** argv) {
    return hebbian::run_cli(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
