// A small streaming JSON writer for the runner's result file. Non-finite numbers
// are written as null, so the output is always valid JSON.
#pragma once

#include <Eigen/Dense>
#include <ostream>
#include <string>
#include <vector>

namespace hebbian {

class JsonWriter {
public:
    explicit JsonWriter(std::ostream& out) : out_(out) {}

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    void key(const std::string& name);

    void value(double number);
    void value(long long number);
    void value(bool flag);
    void value(const std::string& text);
    void null();
    void value(const Eigen::VectorXd& vector);
    void value(const std::vector<double>& series);
    void value(const std::vector<long long>& series);
    // One inner array per matrix row.
    void rows(const Eigen::MatrixXd& matrix);

    template <typename T>
    void field(const std::string& name, const T& content) {
        key(name);
        value(content);
    }

private:
    void separate();
    void write_string(const std::string& text);

    std::ostream& out_;
    std::vector<bool> first_in_scope_;
    bool after_key_ = false;
};

}  // namespace hebbian
